import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aliyunApplications } from '../../functions/adapters/sms/aliyun/registrationForm.ts';
import { catalogueEntry, SMS_CATALOGUE } from '../../functions/core/messages/catalogue/entries.ts';
import { paramProblems } from '../../functions/core/messages/catalogue/templateProblems.ts';
import type { Language } from '../../functions/core/registry/Language.ts';
import { acs3SignatureProblem } from './acs3Signature.ts';

/** An SMS as the phone shows it, with what Alibaba Cloud knows of it. */
export interface DeliveredSms {
  phoneNumber: string;
  text: string;
  templateCode: string;
  params: Record<string, string>;
  bizId: string;
  outId?: string;
}

export interface DysmsapiServerOptions {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Numbers (Alibaba Cloud form, mainland without 86) on the account's blacklist: isv.BLACK_KEY_CONTROL_LIMIT. */
  blacklist?: Iterable<string>;
  /** The account's daily limit of messages; the next answers isv.DAY_LIMIT_CONTROL. */
  dailyLimit?: number;
  /** Where delivery receipts (SmsReport) and uplink messages (SmsUp) are pushed, as Alibaba Cloud's HTTP callbacks do. */
  receiptUrl?: string;
  uplinkUrl?: string;
}

export interface DysmsapiServer {
  /** host:port, for the SDK's `endpoint` (protocol http). */
  endpoint: string;
  /** The TemplateCode assigned to each catalogue template at "registration", by `<name>.<language>`. */
  templateCodes: Record<string, string>;
  delivered: DeliveredSms[];
  /** Every request, with the business code it was answered with. */
  requests: { action: string; code: string }[];
  /** The next `n` SendSms / SendBatchSms answer isv.BUSINESS_LIMIT_CONTROL (a minute-level frequency control). */
  throttleNext(n: number): void;
  /** A phone replies to the signature's number: pushed to `uplinkUrl` as an SmsUp callback; resolves with the receiver's answer. */
  reply(phoneNumber: string, content: string): Promise<unknown>;
  close(): Promise<void>;
}

const answer = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'x-acs-request-id': String(body.RequestId) });
  res.end(JSON.stringify(body));
};

const read = (req: IncomingMessage) => new Promise<Buffer>((resolve, reject) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
});

const stamp = (d = new Date()) => d.toISOString().replace('T', ' ').slice(0, 19);

/**
 * A local HTTP endpoint that answers as Alibaba Cloud SMS (Dysmsapi 2017-05-25) does, for the official SDK: it
 * checks each request's ACS3-HMAC-SHA256 signature, knows the signature and the catalogue's templates as if
 * registered (codes SMS_9000001 …), renders what the phone would show, answers Alibaba Cloud's error codes
 * (throttling, unregistered template, blacklisted number, daily limit, bad values), and pushes delivery
 * receipts and uplink replies to callback URLs in Alibaba Cloud's JSON form. No Alibaba Cloud account is used.
 */
export async function startDysmsapiServer(options: DysmsapiServerOptions): Promise<DysmsapiServer> {
  const templateCodes: Record<string, string> = {};
  const registered = new Map<string, { name: string; language: Language }>();
  aliyunApplications(SMS_CATALOGUE).forEach((application, i) => {
    const code = `SMS_${9000001 + i}`;
    templateCodes[application.key] = code;
    const [name, language] = [application.key.slice(0, application.key.lastIndexOf('.')), application.key.slice(application.key.lastIndexOf('.') + 1) as Language];
    registered.set(code, { name, language });
  });
  const blacklist = new Set(options.blacklist ?? []);
  const delivered: DeliveredSms[] = [];
  const requests: { action: string; code: string }[] = [];
  const pending: Promise<unknown>[] = [];
  let throttled = 0;
  let sequence = 0;

  const deliver = (phoneNumber: string, templateCode: string, params: Record<string, string>, bizId: string, outId: string | undefined): string | null => {
    if (blacklist.has(phoneNumber)) return 'isv.BLACK_KEY_CONTROL_LIMIT';
    if (options.dailyLimit !== undefined && delivered.length >= options.dailyLimit) return 'isv.DAY_LIMIT_CONTROL';
    if (!/^1\d{10}$|^[2-9]\d{6,14}$/.test(phoneNumber)) return 'isv.MOBILE_NUMBER_ILLEGAL';
    const template = registered.get(templateCode)!;
    const text = `【${options.signName}】${catalogueEntry(template.name).text[template.language].replace(/\{(\w+)\}/g, (_, v: string) => params[v] ?? '')}`;
    delivered.push({ phoneNumber, text, templateCode, params, bizId, ...(outId ? { outId } : {}) });
    if (options.receiptUrl) {
      const now = stamp();
      pending.push(post(options.receiptUrl, [{ phone_number: phoneNumber, send_time: now, report_time: now, success: true, err_code: 'DELIVERED', err_msg: '用户接收成功', sms_size: '1', biz_id: bizId, out_id: outId ?? '' }]).catch(() => {}));
    }
    return null;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await read(req);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const RequestId = randomUUID().toUpperCase();
      const problem = acs3SignatureProblem({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body }, (id) => (id === options.accessKeyId ? options.accessKeySecret : undefined));
      const action = String(req.headers['x-acs-action'] ?? '');
      const reply = (code: string, extra: Record<string, unknown> = {}, status = 200) => {
        requests.push({ action, code });
        answer(res, status, { RequestId, Code: code, Message: code === 'OK' ? 'OK' : code, ...extra });
      };
      if (problem) return reply(problem.startsWith('unknown AccessKeyId') ? 'InvalidAccessKeyId.NotFound' : 'SignatureDoesNotMatch', { Message: problem }, problem.startsWith('unknown') ? 404 : 400);
      if (req.headers['x-acs-version'] !== '2017-05-25' || !['SendSms', 'SendBatchSms'].includes(action)) return reply('InvalidAction.NotFound', {}, 404);
      // The SDK puts SendSms's parameters in the query and SendBatchSms's in a form body.
      const q = new URLSearchParams([...url.searchParams, ...new URLSearchParams(String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? body.toString('utf8') : '')]);
      if (throttled > 0) { throttled--; return reply('isv.BUSINESS_LIMIT_CONTROL', { Message: '触发分钟级流控Permits:1' }); }
      const templateCode = q.get('TemplateCode') ?? '';
      const template = registered.get(templateCode);
      if (!template) return reply('isv.SMS_TEMPLATE_ILLEGAL', { Message: `该账号下找不到对应模板 ${templateCode}` });
      const signNames: string[] = action === 'SendSms' ? [q.get('SignName') ?? ''] : JSON.parse(q.get('SignNameJson') ?? '[]');
      if (signNames.some((s) => s !== options.signName)) return reply('isv.SMS_SIGNATURE_ILLEGAL', { Message: '该账号下找不到对应签名' });
      const phones: string[] = action === 'SendSms' ? (q.get('PhoneNumbers') ?? '').split(',') : JSON.parse(q.get('PhoneNumberJson') ?? '[]');
      let paramSets: Record<string, string>[];
      try {
        paramSets = action === 'SendSms' ? [JSON.parse(q.get('TemplateParam') ?? '{}')] : JSON.parse(q.get('TemplateParamJson') ?? '[]');
      } catch {
        return reply('isv.INVALID_JSON_PARAM', { Message: 'JSON参数不合法，只接受字符串值' });
      }
      if (action === 'SendBatchSms' && (paramSets.length !== phones.length || signNames.length !== phones.length)) return reply('isv.INVALID_PARAMETERS', { Message: '参数个数不一致' });
      for (const params of paramSets) {
        const problems = paramProblems(catalogueEntry(template.name), params);
        if (problems.some((p) => p.includes('has no value'))) return reply('isv.TEMPLATE_MISSING_PARAMETERS', { Message: problems.join('; ') });
        if (problems.length > 0) return reply('isv.TEMPLATE_PARAMS_ILLEGAL', { Message: problems.join('; ') });
      }
      const bizId = `${Date.now()}^${++sequence}`;
      for (const [i, phone] of phones.entries()) {
        const refused = deliver(phone, templateCode, paramSets[action === 'SendSms' ? 0 : i]!, bizId, q.get('OutId') ?? undefined);
        if (refused) return reply(refused, { Message: refused === 'isv.DAY_LIMIT_CONTROL' ? '触发日发送限额' : refused === 'isv.BLACK_KEY_CONTROL_LIMIT' ? '黑名单管控' : '手机号码格式错误' });
      }
      reply('OK', { BizId: bizId });
    })().catch((error: unknown) => answer(res, 500, { RequestId: 'local', Code: 'isp.SYSTEM_ERROR', Message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `127.0.0.1:${port}`,
    templateCodes, delivered, requests,
    throttleNext: (n) => { throttled += n; },
    async reply(phoneNumber, content) {
      if (!options.uplinkUrl) throw new Error('no uplinkUrl to push the reply to');
      return post(options.uplinkUrl, [{ phone_number: phoneNumber, send_time: stamp(), content, sign_name: options.signName, dest_code: '1234', sequence_id: ++sequence }]);
    },
    async close() {
      await Promise.all(pending);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${text}`);
  return JSON.parse(text) as unknown;
}
