import type { AnyRoute } from '../../http/RouteDefinition.ts';
import { open311Routes } from '../open311/open311Routes.ts';
import { banReporterRoute, caseFiguresRoute, caseQueueRoute, dispatchCaseRoute, getCaseRoute, mergeCaseRoute, registerCaseRoute, rejectCaseRoute, reopenCaseRoute, verifyCaseRoute } from './officerRoutes.ts';
import { addVoiceRoute, confirmCodeRoute, nearbyRoute, ownStatusRoute, publicMapRoute, rateRoute, requestCodeRoute, requestPhotoUploadRoute, completePhotoUploadRoute } from './publicRoutes.ts';

/** The routes the public reaches without an account: Open311 and the report page's own. */
export function publicCitizenRoutes(): AnyRoute[] {
  return [...open311Routes(), requestCodeRoute, confirmCodeRoute, nearbyRoute, addVoiceRoute, ownStatusRoute, rateRoute, publicMapRoute, requestPhotoUploadRoute, completePhotoUploadRoute];
}

/** The duty officer's side of the loop. */
export function officerCitizenRoutes(): AnyRoute[] {
  return [caseQueueRoute, caseFiguresRoute, getCaseRoute, registerCaseRoute, dispatchCaseRoute, rejectCaseRoute, mergeCaseRoute, verifyCaseRoute, reopenCaseRoute, banReporterRoute];
}
