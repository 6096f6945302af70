import { afterActionReportSchema } from '../../../core/reports/AfterActionReport.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationIdParamsSchema } from '../schemas/common.ts';
import { loadAfterAction } from './loadAfterAction.ts';

export const getReportRoute = defineRoute({
  method: 'GET', path: '/activations/{activationId}/report', operationId: 'getReport', tag: 'reports', access: READERS,
  summary: 'Read the after-action report',
  description: 'Trigger and evidence, time to activate, to first and last dispatch, to acknowledge (median, p90), escalations, shortfalls, lane-km passable per tier over time against the plan\'s targets, the stand-down, and the citizen reports filed during the operational period (the figures of GET /citizen/figures). Built from the activation, its response log and the citizen cases.',
  params: activationIdParamsSchema,
  responses: { 200: { description: 'the report', schema: afterActionReportSchema } },
  handle: async ({ deps, params, principal }) => {
    const { report } = await loadAfterAction(deps, params.activationId, principal);
    return json(200, report);
  },
});
