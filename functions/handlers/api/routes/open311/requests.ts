import { isOpenCase } from '../../../../core/citizen/CaseState.ts';
import type { CitizenCase } from '../../../../core/citizen/CitizenCase.ts';
import { NotFoundError } from '../../../../core/errors/NotFoundError.ts';
import { ProblemError } from '../../http/ProblemError.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { open311List, XML_TYPE, type Open311Format } from '../../open311/Open311Format.ts';
import { fileParam, open311LangQuery, requestsQuery } from '../../open311/open311Schemas.ts';
import { requestFields } from '../../open311/requestFields.ts';

/** Open311: without dates, the last 90 days. */
const DEFAULT_DAYS = 90;
/** Open311: no more than 1,000 requests however the dates are set; page and page_size walk them. */
const MAX_REQUESTS = 1000;

/** GET /open311/v2/requests.{json,xml}: requests by id, or filtered by service, dates and status, newest first, a page at a time. */
export function listRequestsRoute(format: Open311Format) {
  return defineRoute({
    method: 'GET', path: `/open311/v2/requests.${format}`, operationId: `open311ListRequests_${format}`, tag: 'open311', access: 'public',
    summary: `List Open311 service requests (${format.toUpperCase()})`,
    description: 'Open311 GeoReport v2 filters (service_request_id overrides the others), plus page (from 1) and page_size (1 to 1,000, default 100). Without dates, the last 90 days. Reporters\' phones are never shown.',
    query: requestsQuery,
    responses: { 200: { description: 'the requests', contentType: format === 'json' ? 'application/json' : XML_TYPE } },
    handle: async ({ deps, query, client }) => {
      let cases: CitizenCase[];
      if (query.service_request_id) {
        cases = (await Promise.all(query.service_request_id.map((id) => deps.citizen.cases.get(id)))).filter((c): c is CitizenCase => c !== undefined);
      } else {
        const to = query.end_date;
        const from = query.start_date ?? new Date(Date.parse(to ?? deps.clock.now().toISOString()) - DEFAULT_DAYS * 86_400_000).toISOString();
        if (to !== undefined && from >= to) throw new ProblemError(400, 'validation', 'Invalid request', 'start_date must be before end_date', { errors: [{ in: 'query', field: 'start_date', detail: 'must be before end_date' }] });
        cases = (await deps.citizen.cases.listSubmitted({ from, ...(to ? { to } : {}) }))
          .filter((c) => !query.service_code || query.service_code.includes(c.category))
          .filter((c) => !query.status || query.status.includes(isOpenCase(c.state) ? 'open' : 'closed'))
          .slice(0, MAX_REQUESTS);
      }
      const page = cases.slice((query.page - 1) * query.page_size, query.page * query.page_size);
      return open311List(200, format, 'service_requests', 'request', page.map((c) => requestFields(c, client.origin, query.lang)));
    },
  });
}

/** GET /open311/v2/requests/{id}.{json,xml}: one request (a list of one, as the spec has it). */
export const getRequestRoute = defineRoute({
  method: 'GET', path: '/open311/v2/requests/{file}', operationId: 'open311GetRequest', tag: 'open311', access: 'public',
  summary: 'Read one Open311 service request',
  params: fileParam('a service request id', /r[0-9a-z]{1,40}/),
  query: open311LangQuery,
  responses: { 200: { description: 'a list holding the one request' } },
  handle: async ({ deps, params, query, client }) => {
    const [id, format] = params.file.split('.') as [string, Open311Format];
    const c = await deps.citizen.cases.get(id);
    if (!c) throw new NotFoundError('service request', id);
    return open311List(200, format, 'service_requests', 'request', [requestFields(c, client.origin, query.lang)]);
  },
});

/** GET /open311/v2/tokens/{token}.{json,xml}: ids are given at once, so a token is the request's id with "tk-" before it. */
export const getTokenRoute = defineRoute({
  method: 'GET', path: '/open311/v2/tokens/{file}', operationId: 'open311GetToken', tag: 'open311', access: 'public',
  summary: 'Look up the request id of an Open311 token',
  params: fileParam('a token', /tk-r[0-9a-z]{1,40}/),
  responses: { 200: { description: 'a list holding the token and its request id' } },
  handle: async ({ deps, params }) => {
    const [token, format] = params.file.split('.') as [string, Open311Format];
    const id = token.slice(3);
    if (!(await deps.citizen.cases.get(id))) throw new NotFoundError('token', token);
    return open311List(200, format, 'service_requests', 'request', [{ service_request_id: id, token }]);
  },
});
