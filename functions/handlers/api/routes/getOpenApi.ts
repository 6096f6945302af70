import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';

/** GET /openapi.json, without a token: the document generated from the routes themselves. */
export function openApiRoute(document: () => Record<string, unknown>) {
  let cached: Record<string, unknown> | undefined;
  return defineRoute({
    method: 'GET', path: '/openapi.json', operationId: 'getOpenApi', tag: 'meta', access: 'public',
    summary: 'Read this OpenAPI document',
    holdsNoPersonalData: true,
    responses: { 200: { description: 'OpenAPI 3.1', contentType: 'application/json' } },
    handle: async () => json(200, (cached ??= document())),
  });
}
