import { NotFoundError } from '../../../core/errors/NotFoundError.ts';
import { logCsv } from '../../../core/reports/logCsv.ts';
import { READERS } from '../auth/access.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationIdParamsSchema } from '../schemas/common.ts';
import { resolveActivationId } from './resolveActivationId.ts';

export const getLogCsvRoute = defineRoute({
  method: 'GET', path: '/activations/{activationId}/log.csv', operationId: 'exportLogCsv', tag: 'reports', access: READERS,
  summary: 'Export the response log as CSV',
  description: 'Every entry of the activation, in time order: UTC and local time, actor, action, subject, reason, details (JSON). RFC 4180 quoting, UTF-8 with a byte order mark for spreadsheets; phones masked.',
  params: activationIdParamsSchema,
  responses: { 200: { description: 'the log as CSV', contentType: 'text/csv; charset=utf-8' } },
  handle: async ({ deps, params }) => {
    const id = await resolveActivationId(deps, params.activationId);
    if (!(await deps.activations.getActivation(id))) throw new NotFoundError('activation', id);
    const [plan, entries] = await Promise.all([deps.registry.getPlan(), deps.log.list(id)]);
    return { status: 200, contentType: 'text/csv; charset=utf-8', body: logCsv(entries, plan.timeZone), headers: { 'Content-Disposition': `attachment; filename="${id}-log.csv"` } };
  },
});
