import {
  CheckIfPhoneNumberIsOptedOutCommand, InternalErrorException, InvalidParameterException, ListPhoneNumbersOptedOutCommand, PublishCommand, SNSClient, ThrottledException,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SnsOptOutChecker } from '../../../functions/adapters/sms/SnsOptOutChecker.ts';
import { SnsSmsSender } from '../../../functions/adapters/sms/SnsSmsSender.ts';
import { SmsSendError } from '../../../functions/core/errors/SmsSendError.ts';

const snsMock = mockClient(SNSClient);
// The mock patches SNSClient itself: files that share this worker's modules (isolate off) must get the real client back.
afterAll(() => snsMock.restore());
const sns = new SNSClient({ region: 'cn-north-1' });
const BODY = '【扫雪】Ⅱ级响应，豫H铲001，解放区环卫车场出发，08:33前开始：T07 人民路铲雪。回复1确认/2到场/3完成/9无法执行';

async function failure(promise: Promise<unknown>): Promise<SmsSendError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof SmsSendError)) throw new Error(`expected an SmsSendError, got ${String(error)}`);
  return error;
}

describe('SnsSmsSender (aws-sdk-client-mock)', () => {
  beforeEach(() => snsMock.reset());

  it('aws-sdk-client-mock: publishes to the E.164 number as Transactional with sender ID, origination number and MaxPrice', async () => {
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const sender = new SnsSmsSender(sns, { senderId: 'SNOWOPS', originationNumber: '+8610690000', maxPrice: '0.50' });
    const out = await sender.send({ to: '+8613900391001', body: BODY });
    expect(out).toEqual({ providerMessageId: 'm-1' });
    expect(snsMock).toHaveReceivedCommandExactlyOnceWith(PublishCommand, {
      PhoneNumber: '+8613900391001',
      Message: BODY,
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'SNOWOPS' },
        'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: '+8610690000' },
        'AWS.SNS.SMS.MaxPrice': { DataType: 'Number', StringValue: '0.50' },
      },
    });
  });

  it('aws-sdk-client-mock: without configuration only the SMS type is set, and the Chinese text goes unchanged', async () => {
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-2' });
    await new SnsSmsSender(sns).send({ to: '+15555550102', body: BODY });
    const input = snsMock.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.MessageAttributes).toEqual({ 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } });
    expect(input.Message).toBe(BODY);
  });

  it('aws-sdk-client-mock: refuses a number that is not E.164 as permanent, without calling SNS', async () => {
    const error = await failure(new SnsSmsSender(sns).send({ to: '13900391001', body: 'x' }));
    expect(error.kind).toBe('permanent');
    expect(snsMock).not.toHaveReceivedCommand(PublishCommand);
  });

  it.each([
    ['ThrottledException', () => new ThrottledException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }), 'throttled'],
    ['InvalidParameterException', () => new InvalidParameterException({ message: 'Invalid parameter: PhoneNumber', $metadata: {} }), 'permanent'],
    ['InternalErrorException', () => new InternalErrorException({ message: 'Internal error', $metadata: { httpStatusCode: 500 } }), 'transient'],
    ['a socket timeout', () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }), 'in-doubt'],
    ['a refused connection', () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'transient'],
  ])('aws-sdk-client-mock: classifies %s as %s', async (_name, make, kind) => {
    snsMock.on(PublishCommand).rejects(make());
    expect((await failure(new SnsSmsSender(sns).send({ to: '+8613900391001', body: 'x' }))).kind).toBe(kind);
  });
});

describe('SnsOptOutChecker (aws-sdk-client-mock)', () => {
  beforeEach(() => snsMock.reset());

  it('aws-sdk-client-mock: asks CheckIfPhoneNumberIsOptedOut once per number while the answer is fresh', async () => {
    snsMock.on(CheckIfPhoneNumberIsOptedOutCommand, { phoneNumber: '+8613900391001' }).resolves({ isOptedOut: true });
    const checker = new SnsOptOutChecker(sns);
    expect(await checker.isOptedOut('+8613900391001')).toBe(true);
    expect(await checker.isOptedOut('+8613900391001')).toBe(true);
    expect(snsMock).toHaveReceivedCommandTimes(CheckIfPhoneNumberIsOptedOutCommand, 1);
  });

  it('aws-sdk-client-mock: for a big wave reads the whole opt-out list (every page) once instead of one check per number', async () => {
    snsMock.on(ListPhoneNumbersOptedOutCommand, {}).resolves({ phoneNumbers: ['+8613900000001'], nextToken: 'p2' });
    snsMock.on(ListPhoneNumbersOptedOutCommand, { nextToken: 'p2' }).resolves({ phoneNumbers: ['+8613900000002'] });
    const checker = new SnsOptOutChecker(sns, { bulkThreshold: 2 });
    await checker.prefetch(['+8613900000001', '+8613900000002', '+8613900000003']);
    expect(await checker.isOptedOut('+8613900000002')).toBe(true);
    expect(await checker.isOptedOut('+8613900000003')).toBe(false);
    expect(snsMock).toHaveReceivedCommandTimes(ListPhoneNumbersOptedOutCommand, 2);
    expect(snsMock).not.toHaveReceivedCommand(CheckIfPhoneNumberIsOptedOutCommand);
  });
});
