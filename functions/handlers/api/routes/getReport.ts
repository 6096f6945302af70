import { afterActionReportSchema } from '../../../core/reports/AfterActionReport.ts';
import { buildAfterAction } from '../../../core/reports/buildAfterAction.ts';
import { loadReportSources } from '../../../core/reports/loadReportSources.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationIdParamsSchema } from '../schemas/common.ts';
import { resolveActivationId } from './resolveActivationId.ts';

export const getReportRoute = defineRoute({
  method: 'GET', path: '/activations/{activationId}/report', operationId: 'getReport', tag: 'reports', access: READERS,
  summary: 'Read the after-action report',
  description: 'Trigger and evidence, time to activate, to first and last dispatch, to acknowledge (median, p90), escalations, shortfalls, lane-km passable per tier over time against the plan\'s targets, and the stand-down. Built from the activation and its response log.',
  params: activationIdParamsSchema,
  responses: { 200: { description: 'the report', schema: afterActionReportSchema } },
  handle: async ({ deps, params, principal }) => {
    const sources = await loadReportSources(deps, await resolveActivationId(deps, params.activationId));
    return json(200, buildAfterAction({ ...sources, now: deps.clock.now().toISOString(), preparedBy: principal.username }));
  },
});
