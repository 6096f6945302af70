import type { APIGatewayProxyEvent, APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { ApiLambdaHandler } from '../createApiHandler.ts';

/** The handler as a REST API (API Gateway v1, Lambda proxy, payload 1.0) calls it. */
export type RestApiLambdaHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** Repeated values joined by commas, keys lower-cased, as HTTP API (payload 2.0) passes them. */
function joined(multi: Record<string, string[] | undefined> | null, single: Record<string, string | undefined> | null, lower: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(single ?? {})) if (v !== undefined) out[lower ? k.toLowerCase() : k] = v;
  for (const [k, v] of Object.entries(multi ?? {})) if (v !== undefined && v.length > 0) out[lower ? k.toLowerCase() : k] = v.join(',');
  return out;
}

function rawQuery(multi: Record<string, string[] | undefined> | null, single: Record<string, string | undefined> | null): string {
  const search = new URLSearchParams();
  const all = multi ?? Object.fromEntries(Object.entries(single ?? {}).map(([k, v]) => [k, v === undefined ? undefined : [v]]));
  for (const [k, values] of Object.entries(all)) for (const v of values ?? []) search.append(k, v);
  return search.toString();
}

/**
 * A REST API's proxy event in the shape the API's routes read (payload 2.0): method and path, headers and
 * query (repeated values comma-joined), the caller's address, the body as sent. The path is the one the
 * route matched, without the stage; the stage is kept so links back to the API can name it.
 */
export function httpApiEventOf(event: APIGatewayProxyEvent): APIGatewayProxyEventV2 {
  const headers = joined(event.multiValueHeaders, event.headers, true);
  const query = joined(event.multiValueQueryStringParameters, event.queryStringParameters, false);
  const ctx = event.requestContext;
  return {
    version: '2.0',
    routeKey: `${event.httpMethod} ${event.resource}`,
    rawPath: event.path,
    rawQueryString: rawQuery(event.multiValueQueryStringParameters, event.queryStringParameters),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(event.pathParameters ? { pathParameters: Object.fromEntries(Object.entries(event.pathParameters).filter((e): e is [string, string] => e[1] !== undefined)) } : {}),
    requestContext: {
      accountId: ctx.accountId,
      apiId: ctx.apiId,
      domainName: ctx.domainName ?? headers.host ?? 'localhost',
      domainPrefix: ctx.domainPrefix ?? '',
      http: { method: event.httpMethod.toUpperCase(), path: event.path, protocol: ctx.protocol, sourceIp: ctx.identity.sourceIp, userAgent: ctx.identity.userAgent ?? '' },
      requestId: ctx.requestId,
      routeKey: `${event.httpMethod} ${event.resource}`,
      stage: ctx.stage,
      time: ctx.requestTime ?? new Date(ctx.requestTimeEpoch).toUTCString(),
      timeEpoch: ctx.requestTimeEpoch,
    },
    ...(event.body !== null && event.body !== '' ? { body: event.body } : {}),
    isBase64Encoded: event.isBase64Encoded,
  };
}

/**
 * The API's handler behind a REST API: the citizens' API is one so that a regional WAF web ACL can hold
 * its rate rules (an HTTP API cannot be associated with one). The event is read into the shape every
 * route reads, and the answer goes back as payload 1.0 (same fields; no cookies are set).
 */
export function restApiHandler(handler: ApiLambdaHandler): RestApiLambdaHandler {
  return async (event, context) => {
    const result = await handler(httpApiEventOf(event), context);
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
    return { statusCode: result.statusCode ?? 200, headers, body: result.body ?? '', isBase64Encoded: result.isBase64Encoded ?? false };
  };
}
