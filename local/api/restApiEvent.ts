import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PlainRequest } from './apiGatewayEvent.ts';

/**
 * An HTTP request as the citizens' REST API (API Gateway v1, Lambda proxy integration, payload 1.0) hands
 * it to Lambda: headers as sent with the last value in `headers` and every value in `multiValueHeaders`,
 * the query decoded the same two ways (null when there is none), and, as the API takes every media type
 * as binary, any body in base64 so the Lambda sees the bytes that were sent. `resource` is the route's
 * template when the caller knows it. Locally the API is served at the root, so no stage is in the path.
 */
export function restApiEvent(request: PlainRequest & { resource?: string; stage?: string }): APIGatewayProxyEvent {
  const url = new URL(request.url, 'http://localhost');
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(request.headers)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    headers[k] = values[values.length - 1]!;
    multiValueHeaders[k] = values;
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) {
    query[k] = v;
    (multiQuery[k] ??= []).push(v);
  }
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const hasBody = body !== undefined && body.length > 0;
  const stage = request.stage ?? '$default';
  const resource = request.resource ?? url.pathname;
  const now = new Date();
  const method = request.method.toUpperCase();
  return {
    resource,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders,
    queryStringParameters: Object.keys(query).length > 0 ? query : null,
    multiValueQueryStringParameters: Object.keys(multiQuery).length > 0 ? multiQuery : null,
    pathParameters: null,
    stageVariables: null,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: null,
      domainName: request.host ?? headers.host ?? headers.Host ?? 'localhost',
      domainPrefix: 'localhost',
      httpMethod: method,
      identity: {
        accessKey: null, accountId: null, apiKey: null, apiKeyId: null, caller: null, clientCert: null, cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null, cognitoIdentityId: null, cognitoIdentityPoolId: null, principalOrgId: null,
        sourceIp: request.sourceIp ?? '127.0.0.1', user: null, userAgent: headers['user-agent'] ?? headers['User-Agent'] ?? null, userArn: null,
      },
      path: stage === '$default' ? url.pathname : `/${stage}${url.pathname}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTime: now.toUTCString(),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: resource,
      stage,
    },
    body: hasBody ? body.toString('base64') : null,
    isBase64Encoded: hasBody,
  };
}
