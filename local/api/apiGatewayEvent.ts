import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface PlainRequest {
  method: string;
  /** Path and query, e.g. /activations/current/tasks?state=dispatched. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer | string;
  sourceIp?: string;
  host?: string;
}

const TEXT_TYPES = /^(application\/(json|[\w.+-]+\+json|x-www-form-urlencoded)|text\/)/i;

/**
 * An HTTP request as API Gateway HTTP API (payload 2.0) hands it to Lambda: lower-case headers,
 * repeated values joined by commas, query values decoded and comma-joined, binary bodies in base64.
 */
export function apiGatewayEvent(request: PlainRequest): APIGatewayProxyEventV2 {
  const url = new URL(request.url, 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) {
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const text = body !== undefined && (body.length === 0 || TEXT_TYPES.test(headers['content-type'] ?? 'application/json'));
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: request.host ?? headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: { method: request.method.toUpperCase(), path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.sourceIp ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body !== undefined && body.length > 0 ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body !== undefined && body.length > 0 && !text,
  };
}
