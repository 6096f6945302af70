import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smsSegments } from '../../functions/core/messages/smsSegments.ts';
import { E164 } from '../../functions/core/registry/PhoneNumber.ts';
import { errorXml, escapeXml, resultXml } from './snsXml.ts';

/** What the endpoint does to one Publish instead of accepting it. */
export type PublishFault = 'throttle' | 'internal-error' | 'hang';

export interface SnsServerOptions {
  /** Share of Publish calls answered with a throttling error, drawn from a seeded generator (0 to 1). */
  throttleRate?: number;
  seed?: number;
  /** Account throughput in message parts per second; beyond it Publish is throttled, as SNS does. */
  maxPartsPerSecond?: number;
  /** Query error code for throttling: SNS's "Throttled" (HTTP 429) or the generic "Throttling" (HTTP 400). */
  throttleCode?: 'Throttled' | 'Throttling';
  /** Per-publish override, by 1-based call number, for tests. */
  fault?: (call: number, phone: string) => PublishFault | undefined;
  /** Numbers on the account's opt-out list. */
  optedOut?: Iterable<string>;
  /** Well-formed numbers SNS refuses to publish to (no such subscriber, a landline): InvalidParameter. */
  invalid?: Iterable<string>;
  /** Added to every answer (network and service time). */
  latencyMs?: number;
}

export interface PublishedSms {
  messageId: string;
  phoneNumber: string;
  message: string;
  attributes: Record<string, { dataType: string; value: string }>;
  parts: number;
  at: number;
  /** False when SNS accepted it but the carrier will not deliver (the number opted out). */
  delivered: boolean;
}

export interface SnsServer {
  endpoint: string;
  /** Accepted Publish calls, in order. */
  published: PublishedSms[];
  stats: { publishCalls: number; throttled: number; rateLimited: number; invalid: number; internalErrors: number; optOutChecks: number; optOutLists: number };
  optOut(phone: string): void;
  close(): Promise<void>;
}

const SMS_TYPES = new Set(['Promotional', 'Transactional']);
const MAX_MESSAGE_BYTES = 1600;
const LIST_PAGE = 100;

/** Mulberry32: a small seeded generator, so a run's injected faults repeat. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function attributesOf(params: URLSearchParams): Record<string, { dataType: string; value: string }> {
  const out: Record<string, { dataType: string; value: string }> = {};
  for (let i = 1; params.has(`MessageAttributes.entry.${i}.Name`); i++) {
    out[params.get(`MessageAttributes.entry.${i}.Name`)!] = {
      dataType: params.get(`MessageAttributes.entry.${i}.Value.DataType`) ?? '',
      value: params.get(`MessageAttributes.entry.${i}.Value.StringValue`) ?? '',
    };
  }
  return out;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A localhost endpoint that answers SNS's Publish, CheckIfPhoneNumberIsOptedOut and ListPhoneNumbersOptedOut
 * the way SNS does over the AWS query protocol (form-encoded requests, XML answers), so the real
 * @aws-sdk/client-sns can be pointed at it with `endpoint`. It validates like SNS (E.164 phone, message
 * size, SMS type), throttles beyond the account's parts per second, and injects throttling and faults.
 * Like SNS, a Publish to an opted-out number is accepted but not delivered: hence the opt-out check.
 */
export async function startSnsServer(options: SnsServerOptions = {}): Promise<SnsServer> {
  const random = seeded(options.seed ?? 1);
  const optedOut = new Set(options.optedOut ?? []);
  const invalidNumbers = new Set(options.invalid ?? []);
  const published: PublishedSms[] = [];
  const stats = { publishCalls: 0, throttled: 0, rateLimited: 0, invalid: 0, internalErrors: 0, optOutChecks: 0, optOutLists: 0 };
  const bucket = { tokens: options.maxPartsPerSecond ?? 0, at: performance.now() };
  const throttleCode = options.throttleCode ?? 'Throttled';
  const hanging = new Set<ServerResponse>();

  const reply = async (res: ServerResponse, status: number, xml: string) => {
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() }).end(xml);
  };
  const invalid = (res: ServerResponse, message: string) => {
    stats.invalid++;
    return reply(res, 400, errorXml('InvalidParameter', message));
  };
  const throttle = (res: ServerResponse) => {
    stats.throttled++;
    return reply(res, throttleCode === 'Throttled' ? 429 : 400, errorXml(throttleCode, 'Rate exceeded'));
  };

  const publish = async (params: URLSearchParams, res: ServerResponse) => {
    const call = ++stats.publishCalls;
    const phone = params.get('PhoneNumber');
    const message = params.get('Message') ?? '';
    if (!phone) return invalid(res, 'Invalid parameter: PhoneNumber, TopicArn or TargetArn: one of them is required');
    if (!E164.test(phone) || invalidNumbers.has(phone)) return invalid(res, `Invalid parameter: PhoneNumber Reason: ${phone} is not valid to publish to`);
    if (message.length === 0) return invalid(res, 'Invalid parameter: Empty message');
    if (Buffer.byteLength(message, 'utf8') > MAX_MESSAGE_BYTES) return invalid(res, `Invalid parameter: Message too long (${MAX_MESSAGE_BYTES} bytes at most for SMS)`);
    const attributes = attributesOf(params);
    const type = attributes['AWS.SNS.SMS.SMSType'];
    if (type && !SMS_TYPES.has(type.value)) {
      stats.invalid++;
      return reply(res, 400, errorXml('ParameterValueInvalid', `The value ${type.value} for AWS.SNS.SMS.SMSType is not valid`));
    }
    const fault = options.fault?.(call, phone);
    if (fault === 'hang') { hanging.add(res); return; }
    if (fault === 'internal-error') {
      stats.internalErrors++;
      return reply(res, 500, errorXml('InternalError', 'Internal error', 'Receiver'));
    }
    if (fault === 'throttle' || (options.throttleRate && random() < options.throttleRate)) return throttle(res);
    const parts = smsSegments(message).segments;
    const now = performance.now();
    if (options.maxPartsPerSecond !== undefined) {
      // Per-second accounting: a bucket of one second's parts, refilled continuously.
      bucket.tokens = Math.min(options.maxPartsPerSecond, bucket.tokens + ((now - bucket.at) / 1000) * options.maxPartsPerSecond);
      bucket.at = now;
      if (bucket.tokens < parts) { stats.rateLimited++; return throttle(res); }
      bucket.tokens -= parts;
    }
    const record: PublishedSms = { messageId: randomUUID(), phoneNumber: phone, message, attributes, parts, at: now, delivered: !optedOut.has(phone) };
    published.push(record);
    return reply(res, 200, resultXml('Publish', `<MessageId>${record.messageId}</MessageId>`));
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST') return reply(res, 400, errorXml('InvalidAction', 'SNS query API takes POST'));
      const params = new URLSearchParams(await body(req));
      const action = params.get('Action');
      switch (action) {
        case 'Publish':
          return publish(params, res);
        case 'CheckIfPhoneNumberIsOptedOut': {
          stats.optOutChecks++;
          const phone = params.get('phoneNumber') ?? '';
          if (!E164.test(phone)) return invalid(res, `Invalid parameter: PhoneNumber Reason: ${phone} is not a valid phone number`);
          return reply(res, 200, resultXml(action, `<isOptedOut>${optedOut.has(phone)}</isOptedOut>`));
        }
        case 'ListPhoneNumbersOptedOut': {
          stats.optOutLists++;
          const all = [...optedOut].sort();
          const start = Number(params.get('nextToken') ?? '0');
          const page = all.slice(start, start + LIST_PAGE);
          const next = start + LIST_PAGE < all.length ? `<nextToken>${start + LIST_PAGE}</nextToken>` : '';
          return reply(res, 200, resultXml(action, `<phoneNumbers>${page.map((p) => `<member>${escapeXml(p)}</member>`).join('')}</phoneNumbers>${next}`));
        }
        default:
          return reply(res, 400, errorXml('InvalidAction', `The action ${action ?? '(none)'} is not valid for this endpoint.`));
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(errorXml('InternalError', String(error), 'Receiver'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    published,
    stats,
    optOut: (phone) => optedOut.add(phone),
    close: () => new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
