import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { maskPhones, maskPhonesInText } from '../../../core/log/maskPhones.ts';
import type { ApiDeps } from '../ApiDeps.ts';
import type { Principal } from '../auth/Principal.ts';
import type { IdempotencyGuard } from '../idempotency/IdempotencyGuard.ts';
import type { ApiResponse } from './ApiResponse.ts';
import type { ApiContext } from './authenticate.ts';
import { etagOf, matchesIfNoneMatch } from './etag.ts';
import { parseInput } from './parseInput.ts';
import { ProblemError } from './ProblemError.ts';
import type { AnyRoute, RequestClient } from './RouteDefinition.ts';
import { reasonCode } from '../../../core/text/ReasonCode.ts';

const ANONYMOUS: Principal = { username: 'anonymous', roles: [] };
const KEY = /^[\x21-\x7e]{1,255}$/;

function authorise(route: AnyRoute, principal: Principal | undefined): Principal {
  if (route.access === 'public') return principal ?? ANONYMOUS;
  if (!principal) throw new ProblemError(401, 'unauthenticated', 'Unauthenticated', 'this route needs a bearer token (Authorization: Bearer <token>)', {}, { 'WWW-Authenticate': 'Bearer' });
  if (!route.access.some((role) => principal.roles.includes(role))) {
    const groups = principal.roles.length > 0 ? principal.roles.join(', ') : 'no snowops group';
    throw new ProblemError(403, 'forbidden', 'Forbidden', `${principal.username} (${groups}) may not ${route.summary.toLowerCase()}; this needs the group ${route.access.join(' or ')}`, {
      required: route.access, reasonCode: reasonCode('forbidden', { user: principal.username, roles: principal.roles.join(','), operation: route.operationId, required: route.access.join(',') }),
    });
  }
  return principal;
}

/** The Idempotency-Key header, bare or as a quoted structured-field string; undefined when absent. */
function idempotencyKey(event: APIGatewayProxyEventV2): string | undefined {
  const raw = event.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = raw.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY.test(key)) {
    throw new ProblemError(400, 'validation', 'Invalid request', 'Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID', { errors: [{ in: 'header', field: 'Idempotency-Key', detail: 'must be 1 to 255 visible ASCII characters' }] });
  }
  return key;
}

/**
 * The answer as API Gateway takes it. Phone numbers are personal data: only administrators (who keep the
 * registry) see them; for everyone else every number in the answer, in any written form, is masked here,
 * whatever route built it and wherever the number came from (a reply's free text, an officer's reason).
 */
function render(response: ApiResponse, replayed: boolean, showPhones: boolean): APIGatewayProxyStructuredResultV2 {
  const contentType = response.contentType ?? 'application/json';
  const isJson = contentType.includes('json');
  const empty = response.body === undefined;
  const text = empty ? '' : isJson ? JSON.stringify(showPhones ? response.body : maskPhones(response.body)) : String(response.body);
  return {
    statusCode: response.status,
    headers: { ...(empty ? {} : { 'Content-Type': contentType }), 'Cache-Control': 'no-store', ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}), ...response.headers },
    body: showPhones || isJson ? text : maskPhonesInText(text),
  };
}

/**
 * A read's answer with its ETag, or 304 with no body when the caller already holds it (If-None-Match):
 * a console polling every 15 s then moves a few hundred bytes while nothing changes. The tag is the
 * body's hash (unless the route set one), so it is the same whichever Lambda answers and needs nothing stored.
 */
function conditional(result: APIGatewayProxyStructuredResultV2, ifNoneMatch: string | undefined): APIGatewayProxyStructuredResultV2 {
  if (result.statusCode !== 200 || typeof result.body !== 'string') return result;
  // A route that versions its answer (GET /board) sets the tag itself: the same version gives the same tag.
  const etag = (result.headers as Record<string, string> | undefined)?.ETag ?? etagOf(result.body);
  const headers = { ...result.headers, ETag: etag };
  if (!matchesIfNoneMatch(ifNoneMatch, etag)) return { ...result, headers };
  const { 'Content-Type': _type, ...kept } = headers as Record<string, string>;
  return { statusCode: 304, headers: kept, body: '' };
}

function requestClient(event: APIGatewayProxyEventV2): RequestClient {
  const host = event.headers.host ?? event.requestContext.domainName ?? 'localhost';
  const proto = event.headers['x-forwarded-proto'] ?? (/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? 'http' : 'https');
  // A named stage is part of the API's own URL (the REST API's execute-api address, and CloudFront's origin path to it).
  const stage = event.requestContext.stage;
  const stagePath = stage && stage !== '$default' ? `/${stage}` : '';
  return { sourceIp: event.requestContext.http.sourceIp, origin: `${proto}://${host}${stagePath}` };
}

/** Wraps a route definition as an http-router handler: role check, input parsing, idempotency, rendering. */
export function routeHandler(route: AnyRoute, deps: ApiDeps, idempotency: IdempotencyGuard) {
  return async (event: APIGatewayProxyEventV2, context: ApiContext): Promise<APIGatewayProxyStructuredResultV2> => {
    const principal = authorise(route, context.principal);
    const key = route.idempotent ? idempotencyKey(event) : undefined;
    const input = parseInput(route, event);
    const client = requestClient(event);
    const ifNoneMatch = route.method === 'GET' ? event.headers['if-none-match'] : undefined;
    const work = () => route.handle({ ...(input as { params: unknown; query: unknown; body: unknown }), principal, deps, client, ...(key ? { idempotencyKey: key } : {}), ...(ifNoneMatch ? { ifNoneMatch } : {}) });
    const showPhones = route.holdsNoPersonalData === true || principal.roles.includes('admin');
    if (route.method === 'GET') return conditional(render(await work(), false, showPhones), ifNoneMatch);
    if (!key) return render(await work(), false, showPhones);
    const { response, replayed } = await idempotency.run(
      { key: `${principal.username}:${key}`, request: { method: route.method, path: event.requestContext.http.path, body: input.body ?? null } },
      context,
      work,
    );
    return render(response, replayed, showPhones);
  };
}
