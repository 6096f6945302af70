import { ics214Html } from '../../../core/reports/ics214Html.ts';
import { READERS } from '../auth/access.ts';
import type { Principal } from '../auth/Principal.ts';
import { reportSecurityHeaders } from '../http/reportSecurityHeaders.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationIdParamsSchema } from '../schemas/common.ts';
import { loadAfterAction } from './loadAfterAction.ts';

const POSITION: Record<string, string> = { 'duty-officer': 'Duty officer 值班员', manager: 'Manager 管理者', admin: 'Administrator 管理员' };

function position(principal: Principal): string {
  return principal.roles.map((r) => POSITION[r] ?? r).join(', ');
}

export const getReportHtmlRoute = defineRoute({
  method: 'GET', path: '/activations/{activationId}/report.html', operationId: 'getReportHtml', tag: 'reports', access: READERS,
  summary: 'Print the ICS-214 activity log',
  description: 'The ICS-214-style activity log as printable HTML: incident, operational period, the figures (the citizen reports\' among them), a chart of tier coverage over time against the targets, resources assigned, time-stamped activities, prepared by and at. Phones masked. Served with a Content-Security-Policy that loads nothing and runs no script.',
  params: activationIdParamsSchema,
  responses: { 200: { description: 'printable HTML', contentType: 'text/html; charset=utf-8' } },
  handle: async ({ deps, params, principal }) => {
    const { sources, report } = await loadAfterAction(deps, params.activationId, principal);
    const html = ics214Html({ report, log: sources.log, tasks: sources.tasks, crews: sources.crews, zones: sources.zones, preparedBy: { name: principal.username, position: position(principal) } });
    return { status: 200, contentType: 'text/html; charset=utf-8', body: html, headers: reportSecurityHeaders() };
  },
});
