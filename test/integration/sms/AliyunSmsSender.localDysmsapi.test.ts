import { afterEach, describe, expect, it } from 'vitest';
import { AliyunSmsSender } from '../../../functions/adapters/sms/aliyun/AliyunSmsSender.ts';
import { dysmsapiClient } from '../../../functions/adapters/sms/aliyun/dysmsapiClient.ts';
import { SmsSendError } from '../../../functions/core/errors/SmsSendError.ts';
import { renderSms } from '../../../functions/core/messages/catalogue/renderSms.ts';
import { renderTasking } from '../../../functions/core/messages/renderTasking.ts';
import { startDysmsapiServer, type DysmsapiServer, type DysmsapiServerOptions } from '../../../local/aliyun/startDysmsapiServer.ts';
import { aTask } from '../../support/builders/task.ts';

const KEY = { accessKeyId: 'LTAI-local-test', accessKeySecret: 'local-secret-for-signing' };
let server: DysmsapiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function world(options: Partial<DysmsapiServerOptions> = {}, secret = KEY.accessKeySecret) {
  server = await startDysmsapiServer({ ...KEY, signName: '扫雪', ...options });
  const client = dysmsapiClient({ accessKeyId: KEY.accessKeyId, accessKeySecret: secret, endpoint: server.endpoint, protocol: 'http', timeoutMs: 5000 });
  return { server, sender: new AliyunSmsSender(client, { signName: '扫雪', templateCodes: server.templateCodes }) };
}

const tasking = renderTasking({ language: 'zh-CN', level: 'II', tasks: [aTask()], timeZone: 'Asia/Shanghai', signature: '扫雪' });
const message = { to: '+8613900391001', body: tasking.body, template: tasking.template, idempotencyKey: 'act-1#C01#w1#a1' };

async function failure(promise: Promise<unknown>): Promise<SmsSendError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SmsSendError);
  return error as SmsSendError;
}

describe('AliyunSmsSender with the official SDK against a local endpoint answering like Dysmsapi', () => {
  it('sends a tasking as its registered template and values with a signed SendSms; the phone shows exactly the rendered body', async () => {
    const { server, sender } = await world();
    const { providerMessageId } = await sender.send(message);
    expect(server.delivered).toEqual([expect.objectContaining({ phoneNumber: '13900391001', text: tasking.body, templateCode: server.templateCodes['tasking.zh-CN'], bizId: providerMessageId, outId: message.idempotencyKey })]);
  });

  it('is refused when the request signature does not match the access key\'s secret, and says so', async () => {
    const { server, sender } = await world({}, 'a-wrong-secret');
    const error = await failure(sender.send(message));
    expect(error.message).toContain('SignatureDoesNotMatch');
    expect(error.kind).toBe('transient');
    expect(server.delivered).toEqual([]);
  });

  it('reports frequency control (isv.BUSINESS_LIMIT_CONTROL) as throttled, and the next try goes out', async () => {
    const { server, sender } = await world();
    server.throttleNext(1);
    expect((await failure(sender.send(message))).kind).toBe('throttled');
    await sender.send(message);
    expect(server.delivered).toHaveLength(1);
  });

  it('reports a template the account has not registered (isv.SMS_TEMPLATE_ILLEGAL) as permanent', async () => {
    const { server } = await world();
    const client = dysmsapiClient({ ...KEY, endpoint: server.endpoint, protocol: 'http' });
    const sender = new AliyunSmsSender(client, { signName: '扫雪', templateCodes: { ...server.templateCodes, 'tasking.zh-CN': 'SMS_1' } });
    const error = await failure(sender.send(message));
    expect(error.message).toContain('isv.SMS_TEMPLATE_ILLEGAL');
    expect(error.kind).toBe('permanent');
  });

  it('reports a blacklisted number (isv.BLACK_KEY_CONTROL_LIMIT) as permanent', async () => {
    const { sender } = await world({ blacklist: ['13900391001'] });
    const error = await failure(sender.send(message));
    expect([error.message.split(':')[0], error.kind]).toEqual(['Alibaba Cloud SMS isv.BLACK_KEY_CONTROL_LIMIT', 'permanent']);
  });

  it('reports the account\'s daily limit (isv.DAY_LIMIT_CONTROL) as permanent once it is reached', async () => {
    const { sender } = await world({ dailyLimit: 1 });
    await sender.send(message);
    const error = await failure(sender.send({ ...message, idempotencyKey: 'act-1#C01#w1#a2' }));
    expect([error.message.split(':')[0], error.kind]).toEqual(['Alibaba Cloud SMS isv.DAY_LIMIT_CONTROL', 'permanent']);
  });

  it('is refused when a value is longer than its registered variable allows (isv.TEMPLATE_PARAMS_ILLEGAL)', async () => {
    const { sender } = await world();
    const reply = renderSms('reply.not-yours', 'zh-CN', { code: 'T'.repeat(20) }, '扫雪');
    const error = await failure(sender.send({ to: message.to, body: reply.body, template: reply.template, idempotencyKey: 'reply#1' }));
    expect([error.message.split(':')[0], error.kind]).toEqual(['Alibaba Cloud SMS isv.TEMPLATE_PARAMS_ILLEGAL', 'permanent']);
  });

  it('refuses a message that carries no template without calling Alibaba Cloud', async () => {
    const { server, sender } = await world();
    expect((await failure(sender.send({ to: message.to, body: '自由文本', idempotencyKey: 'x' }))).kind).toBe('permanent');
    expect(server.requests).toEqual([]);
  });

  it('sends one template to several numbers with SendBatchSms', async () => {
    const { server, sender } = await world();
    const help = renderSms('help', 'zh-CN', {}, '扫雪');
    await sender.sendBatch({ to: ['+8613900391001', '+8613900391002'], template: help.template, idempotencyKey: 'help#batch' });
    expect(server.delivered.map((d) => [d.phoneNumber, d.text])).toEqual([['13900391001', help.body], ['13900391002', help.body]]);
    expect(server.requests).toEqual([{ action: 'SendBatchSms', code: 'OK' }]);
  });
});
