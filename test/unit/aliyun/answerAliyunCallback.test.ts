import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { parseUplink } from '../../../functions/adapters/sms/aliyun/aliyunCallbacks.ts';
import { answerAliyunCallback } from '../../../functions/handlers/aliyun/answerAliyunCallback.ts';

const TOKEN = 'k3Jx9QmZp2Lw8RtV5nYc7HbF4sDg6AeU1oPi0qWz';
// The SmsUp push as Alibaba Cloud's documentation shows it (HTTP批量推送, SmsUp), with a crew leader's "1".
const UPLINK = [{ phone_number: '13900391001', send_time: '2026-12-14 02:11:05', content: '1', sign_name: '扫雪', dest_code: '1234', sequence_id: 1234567890 }];

function push(path: string, token: string | undefined, body: string, base64 = false): APIGatewayProxyEventV2 {
  return {
    rawPath: path,
    queryStringParameters: token === undefined ? undefined : { token },
    body: base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: base64,
  } as unknown as APIGatewayProxyEventV2;
}

function recording() {
  const calls: { kind: string; body: unknown }[] = [];
  return { calls, handle: async (kind: string, body: unknown) => { calls.push({ kind, body }); return parseUplink(body); } };
}

describe('answering Alibaba Cloud\'s HTTP push', () => {
  it('hands an uplink push with the right token to reply handling and answers code 0', async () => {
    const { calls, handle } = recording();

    const answer = await answerAliyunCallback(TOKEN, handle)(push('/sms/aliyun/uplink', TOKEN, JSON.stringify(UPLINK)));

    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(String(answer.body))).toEqual({ code: 0, msg: '接收成功' });
    expect(calls).toEqual([{ kind: 'uplink', body: UPLINK }]);
  });

  it('refuses a push without the token, or with a wrong one of the same length, and handles nothing', async () => {
    const { calls, handle } = recording();
    const answer = answerAliyunCallback(TOKEN, handle);

    const [missing, wrong] = [await answer(push('/sms/aliyun/uplink', undefined, JSON.stringify(UPLINK))), await answer(push('/sms/aliyun/uplink', `${TOKEN.slice(0, -1)}x`, JSON.stringify(UPLINK)))];

    expect([missing.statusCode, wrong.statusCode]).toEqual([403, 403]);
    expect(calls).toEqual([]);
  });

  it('reads a base64-encoded body as API Gateway may pass it', async () => {
    const { calls, handle } = recording();

    const answer = await answerAliyunCallback(TOKEN, handle)(push('/sms/aliyun/receipts', TOKEN, JSON.stringify(UPLINK), true));

    expect(answer.statusCode).toBe(200);
    expect(calls[0]?.kind).toBe('receipts');
  });

  it('answers 400 naming the problem for a body that is not JSON, or not a push of that kind', async () => {
    const { handle } = recording();
    const answer = answerAliyunCallback(TOKEN, handle);

    const notJson = await answer(push('/sms/aliyun/uplink', TOKEN, 'phone=13900391001&content=1'));
    const notPush = await answer(push('/sms/aliyun/uplink', TOKEN, JSON.stringify([{ phone: '13900391001' }])));

    expect([notJson.statusCode, notPush.statusCode]).toEqual([400, 400]);
    expect(JSON.parse(String(notPush.body)).msg).toMatch(/not an Alibaba Cloud SmsUp callback/);
  });

  it('throws when handling fails otherwise, so API Gateway answers 5xx and Alibaba Cloud pushes again', async () => {
    const answer = answerAliyunCallback(TOKEN, async () => { throw new Error('DynamoDB unavailable'); });

    await expect(answer(push('/sms/aliyun/uplink', TOKEN, JSON.stringify(UPLINK)))).rejects.toThrow('DynamoDB unavailable');
  });

  it('answers 404 for a path that is not one of the two callbacks', async () => {
    const { handle } = recording();

    const answer = await answerAliyunCallback(TOKEN, handle)(push('/sms/aliyun/templates', TOKEN, '[]'));

    expect(answer.statusCode).toBe(404);
  });
});
