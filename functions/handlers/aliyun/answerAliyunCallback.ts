import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AliyunCallbackError } from '../../adapters/sms/aliyun/aliyunCallbacks.ts';
import { CALLBACK_ACCEPTED, type AliyunCallbackKind } from '../../adapters/sms/aliyun/handleAliyunCallback.ts';

export type AliyunCallbackHandling = (kind: AliyunCallbackKind, body: unknown) => Promise<unknown>;

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * One Alibaba Cloud HTTP push, answered as Alibaba Cloud expects: 403 unless the URL carries the callback token
 * (compared in constant time; the push signs nothing, so the URL is the credential), 404 for another path, 400 for a
 * body that is not a push, 200 `{code: 0}` once handled. Any other failure is thrown, so API Gateway answers 5xx and
 * Alibaba Cloud pushes the batch again (handling is idempotent on each uplink's id).
 */
export function answerAliyunCallback(token: string, handle: AliyunCallbackHandling, onHandled: (kind: AliyunCallbackKind, outcomes: unknown) => void = () => undefined) {
  const expected = Buffer.from(token);
  const tokenMatches = (given: string | undefined): boolean => {
    const bytes = Buffer.from(given ?? '');
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  };
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    if (!tokenMatches(event.queryStringParameters?.token)) return json(403, { code: 1, msg: 'unknown callback token' });
    const kind: AliyunCallbackKind | undefined = event.rawPath.endsWith('/uplink') ? 'uplink' : event.rawPath.endsWith('/receipts') ? 'receipts' : undefined;
    if (!kind) return json(404, { code: 1, msg: `no callback at ${event.rawPath}` });
    let body: unknown;
    try {
      body = JSON.parse(event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body ?? '');
    } catch {
      return json(400, { code: 1, msg: 'the body is not JSON' });
    }
    try {
      onHandled(kind, await handle(kind, body));
      return json(200, CALLBACK_ACCEPTED);
    } catch (error) {
      if (error instanceof AliyunCallbackError) return json(400, { code: 1, msg: error.message });
      throw error;
    }
  };
}
