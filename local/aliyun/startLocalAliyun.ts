import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AliyunSmsSender } from '../../functions/adapters/sms/aliyun/AliyunSmsSender.ts';
import { aliyunPhoneNumber } from '../../functions/adapters/sms/aliyun/aliyunPhoneNumber.ts';
import { CALLBACK_ACCEPTED, type AliyunCallbackKind } from '../../functions/adapters/sms/aliyun/handleAliyunCallback.ts';
import { dysmsapiClient } from '../../functions/adapters/sms/aliyun/dysmsapiClient.ts';
import type { ReplyOutcome } from '../../functions/core/replies/handleReply.ts';
import { startDysmsapiServer, type DysmsapiServer } from './startDysmsapiServer.ts';

export type CallbackHandler = (kind: AliyunCallbackKind, body: unknown) => Promise<ReplyOutcome[]>;

export interface LocalAliyun {
  sender: AliyunSmsSender;
  dysmsapi: DysmsapiServer;
  /** Where this machine receives Alibaba Cloud's callbacks: <url>/uplink and <url>/receipts. */
  callbackUrl: string;
  /** A phone replies by SMS: Alibaba Cloud's uplink callback reaches the receiver, which hands it to reply handling. */
  reply(from: string, body: string): Promise<ReplyOutcome>;
  close(): Promise<void>;
}

/**
 * The Alibaba Cloud SMS path on this machine: the local endpoint answering like Dysmsapi, the real adapter and
 * SDK signing requests to it, and a callback receiver (the deployed stack's callback routes' stand-in) that
 * takes its uplink replies and delivery receipts to `handle` (handleAliyunCallback over the runtime's ports).
 */
export async function startLocalAliyun(signName: string, handle: () => CallbackHandler): Promise<LocalAliyun> {
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      const kind = req.url?.endsWith('/uplink') ? 'uplink' : req.url?.endsWith('/receipts') ? 'receipts' : undefined;
      void (async () => {
        if (!kind || req.method !== 'POST') { res.writeHead(404).end(); return; }
        const outcomes = await handle()(kind, JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...CALLBACK_ACCEPTED, outcomes }));
      })().catch((error: unknown) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 1, msg: String(error) })));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms/aliyun`;
  const key = { accessKeyId: 'LTAI-local', accessKeySecret: `local-${Math.random().toString(36).slice(2)}` };
  const dysmsapi = await startDysmsapiServer({ ...key, signName, uplinkUrl: `${callbackUrl}/uplink`, receiptUrl: `${callbackUrl}/receipts` });
  const sender = new AliyunSmsSender(dysmsapiClient({ ...key, endpoint: dysmsapi.endpoint, protocol: 'http', timeoutMs: 5000 }), { signName, templateCodes: dysmsapi.templateCodes });
  return {
    sender, dysmsapi, callbackUrl,
    async reply(from, body) {
      const answer = await dysmsapi.reply(aliyunPhoneNumber(from), body) as { outcomes?: ReplyOutcome[] };
      const outcome = answer.outcomes?.[0];
      if (!outcome) throw new Error('the callback receiver did not handle the reply');
      return outcome;
    },
    async close() {
      await dysmsapi.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    },
  };
}
