import * as z from '../../../config/zod.ts';
import type { DeliveryReceipt } from '../../../core/operations/DeliveryReceipt.ts';
import type { InboundSms } from '../../../core/replies/handleReply.ts';
import { e164FromAliyun } from './aliyunPhoneNumber.ts';

/** Alibaba Cloud SMS's uplink callback (SmsUp): a JSON array of the replies phones sent to the signature's number. */
const uplinkSchema = z.array(z.object({
  phone_number: z.string().check(z.regex(/^\+?\d{6,15}$/)),
  content: z.string(),
  send_time: z.string(),
  sign_name: z.optional(z.string()),
  dest_code: z.optional(z.string()),
  sequence_id: z.union([z.number(), z.string()]),
}));

/** Alibaba Cloud SMS's delivery receipt callback (SmsReport): a JSON array, one per message and number. */
const receiptSchema = z.array(z.object({
  phone_number: z.string(),
  success: z.boolean(),
  err_code: z.optional(z.string()),
  err_msg: z.optional(z.string()),
  biz_id: z.string(),
  out_id: z.optional(z.string()),
  report_time: z.optional(z.string()),
  sms_size: z.optional(z.string()),
}));


export class AliyunCallbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AliyunCallbackError';
  }
}

function parse<T>(schema: z.ZodMiniType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AliyunCallbackError(`not an Alibaba Cloud ${what} callback: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The replies in an SmsUp callback, as the same InboundSms the SNS path hands to handleReply (its id unique per uplink). */
export function parseUplink(body: unknown): InboundSms[] {
  return parse(uplinkSchema, body, 'SmsUp').map((m) => ({ inboundMessageId: `aliyun-up-${m.sequence_id}`, from: e164FromAliyun(m.phone_number), body: m.content }));
}

export function parseReceipts(body: unknown): DeliveryReceipt[] {
  return parse(receiptSchema, body, 'SmsReport').map((r) => ({
    to: e164FromAliyun(r.phone_number), delivered: r.success, providerMessageId: r.biz_id,
    ...(r.out_id ? { key: r.out_id } : {}), ...(r.err_code ? { code: r.err_code } : {}), ...(r.err_msg ? { reason: r.err_msg } : {}), ...(r.report_time ? { at: r.report_time } : {}),
  }));
}
