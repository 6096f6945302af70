import { REGISTRY_KINDS } from '../../core/registry/RegistryKind.ts';
import type { AnyRoute } from './http/RouteDefinition.ts';
import { buildOpenApi } from './openapi/buildOpenApi.ts';
import { activateRoute } from './routes/activate.ts';
import { downgradeRoute } from './routes/downgrade.ts';
import { getActivation } from './routes/getActivation.ts';
import { getAttentionRoute } from './routes/getAttention.ts';
import { getBoardRoute } from './routes/getBoard.ts';
import { getLogRoute } from './routes/getLog.ts';
import { getLogCsvRoute } from './routes/getLogCsv.ts';
import { getMapRoute } from './routes/getMap.ts';
import { openApiRoute } from './routes/getOpenApi.ts';
import { getReassignCandidatesRoute } from './routes/getReassignCandidates.ts';
import { getReportRoute } from './routes/getReport.ts';
import { getReportHtmlRoute } from './routes/getReportHtml.ts';
import { getStatus } from './routes/getStatus.ts';
import { getZoneForecast } from './routes/getZoneForecast.ts';
import { listActivations } from './routes/listActivations.ts';
import { listForecasts } from './routes/listForecasts.ts';
import { listTasksRoute } from './routes/listTasks.ts';
import { previewRoute } from './routes/preview.ts';
import { reassignRoute } from './routes/reassign.ts';
import { deleteRecord } from './routes/registry/deleteRecord.ts';
import { getRecord } from './routes/registry/getRecord.ts';
import { importCsvRoute } from './routes/registry/importCsv.ts';
import { listRecords } from './routes/registry/listRecords.ts';
import { getPlanRoute, putPlanRoute } from './routes/registry/plan.ts';
import { putRecord } from './routes/registry/putRecord.ts';
import { sendCrewMessageRoute } from './routes/sendCrewMessage.ts';
import { standDownRoute } from './routes/standDown.ts';
import { startPreTreatmentRoute } from './routes/startPreTreatment.ts';
import { officerCitizenRoutes, publicCitizenRoutes } from './routes/citizen/citizenRoutes.ts';
import { upgradeRoute } from './routes/upgrade.ts';

/** Every route of the API, the OpenAPI document's among them. */
export function allRoutes(): AnyRoute[] {
  const routes: AnyRoute[] = [
    getStatus, getBoardRoute, getMapRoute, listForecasts, getZoneForecast,
    listActivations, activateRoute, startPreTreatmentRoute, getActivation, standDownRoute, downgradeRoute, listTasksRoute,
    previewRoute, upgradeRoute, reassignRoute, getReassignCandidatesRoute, getAttentionRoute, sendCrewMessageRoute,
    getLogRoute, getLogCsvRoute, getReportRoute, getReportHtmlRoute,
    getPlanRoute, putPlanRoute, importCsvRoute,
    ...REGISTRY_KINDS.flatMap((kind) => [listRecords(kind), getRecord(kind), putRecord(kind), deleteRecord(kind)]),
    ...officerCitizenRoutes(),
  ];
  const all: AnyRoute[] = [openApiRoute(() => buildOpenApi(all)), ...routes];
  return all;
}

/**
 * The routes the public reaches without an account (Open311, the report page's): deployed on their own
 * throttled API, never beside the officers' routes; served locally by the same server as the rest.
 */
export function publicRoutes(): AnyRoute[] {
  return publicCitizenRoutes();
}

/** The OpenAPI document (what GET /openapi.json serves and docs/openapi.json holds). */
export function openApiDocument(): Record<string, unknown> {
  return buildOpenApi(allRoutes());
}
