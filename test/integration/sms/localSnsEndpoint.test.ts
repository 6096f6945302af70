import { CheckIfPhoneNumberIsOptedOutCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../../../local/dynamo/startDynamoLocal.ts';
import { startSnsServer, type SnsServer } from '../../../local/sns/startSnsServer.ts';

let server: SnsServer | undefined;
let client: SNSClient | undefined;
afterEach(async () => {
  client?.destroy();
  await server?.close();
});

async function connect(options: Parameters<typeof startSnsServer>[0] = {}) {
  server = await startSnsServer(options);
  client = new SNSClient({ endpoint: server.endpoint, maxAttempts: 1, ...LOCAL_AWS });
  return { server, client };
}

const error = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: Error & { $metadata?: { httpStatusCode?: number } }) => e);

describe('local SNS-like endpoint (AWS query protocol) with the real @aws-sdk/client-sns', () => {
  it('local SNS endpoint: answers Publish with a MessageId and keeps the Chinese text and attributes intact', async () => {
    const { server, client } = await connect();
    const out = await client.send(new PublishCommand({ PhoneNumber: '+8613900391001', Message: '【扫雪】T07 人民路铲雪', MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } } }));
    expect(out.MessageId).toBe(server.published[0]!.messageId);
    expect(server.published[0]).toMatchObject({ phoneNumber: '+8613900391001', message: '【扫雪】T07 人民路铲雪', attributes: { 'AWS.SNS.SMS.SMSType': { dataType: 'String', value: 'Transactional' } } });
  });

  it('local SNS endpoint: throttles as SNS does (ThrottledException, HTTP 429)', async () => {
    const { client } = await connect({ fault: () => 'throttle' });
    const e = await error(client.send(new PublishCommand({ PhoneNumber: '+8613900391001', Message: 'x' })));
    expect(e.name).toBe('ThrottledException');
    expect(e.$metadata?.httpStatusCode).toBe(429);
  });

  it('local SNS endpoint: throttles beyond the account\'s parts per second', async () => {
    const { server, client } = await connect({ maxPartsPerSecond: 2 });
    const results = await Promise.allSettled([1, 2, 3].map(() => client.send(new PublishCommand({ PhoneNumber: '+8613900391001', Message: 'x' }))));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(server.stats.rateLimited).toBe(1);
  });

  it('local SNS endpoint: rejects a number that is not E.164 with InvalidParameter', async () => {
    const { client } = await connect();
    const e = await error(client.send(new PublishCommand({ PhoneNumber: '13900391001', Message: 'x' })));
    expect(e.name).toBe('InvalidParameterException');
    expect(e.message).toContain('PhoneNumber');
  });

  it('local SNS endpoint: rejects an unknown SMS type with ParameterValueInvalid', async () => {
    const { client } = await connect();
    const e = await error(client.send(new PublishCommand({ PhoneNumber: '+8613900391001', Message: 'x', MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Urgent' } } })));
    expect(e.name).toBe('InvalidParameterValueException');
  });

  it('local SNS endpoint: answers CheckIfPhoneNumberIsOptedOut, and accepts but does not deliver a Publish to an opted-out number', async () => {
    const { server, client } = await connect({ optedOut: ['+8613900000009'] });
    expect((await client.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: '+8613900000009' }))).isOptedOut).toBe(true);
    expect((await client.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: '+8613900000001' }))).isOptedOut).toBe(false);
    await client.send(new PublishCommand({ PhoneNumber: '+8613900000009', Message: 'x' }));
    expect(server.published[0]!.delivered).toBe(false);
  });
});
