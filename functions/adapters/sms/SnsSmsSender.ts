import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { SmsSendError, type SmsFailureKind } from '../../core/errors/SmsSendError.ts';
import { E164 } from '../../core/registry/PhoneNumber.ts';
import type { OutgoingSms, SmsSender } from '../../core/ports/SmsSender.ts';

export interface SnsSmsOptions {
  /** Alphanumeric sender ID (where the destination country supports one). */
  senderId?: string;
  /** Origination number (E.164) of the account's registered number. */
  originationNumber?: string;
  /** Maximum price in USD for one SMS, e.g. "0.50". */
  maxPrice?: string;
  /** The registered signature (inside 【】) every message starts with: needed for mainland China numbers. */
  signature?: string;
}

const PERMANENT = new Set(['InvalidParameterException', 'InvalidParameterValueException', 'OptedOutException', 'ValidationException']);
const THROTTLED = new Set(['ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException']);
/** Errors raised before the request reached SNS: nothing was sent. */
const NOT_SENT_NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
/** The request may have reached SNS and been published: never repeated for the same attempt. */
const MAYBE_SENT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** How an SNS error bears on retrying: from the error's name, code and HTTP status. */
export function classifySnsError(error: unknown): SmsFailureKind {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? '';
  const status = e?.$metadata?.httpStatusCode;
  if (PERMANENT.has(name)) return 'permanent';
  if (THROTTLED.has(name) || status === 429) return 'throttled';
  if (MAYBE_SENT.has(name) || (e?.code !== undefined && MAYBE_SENT.has(e.code))) return 'in-doubt';
  if (e?.code !== undefined && NOT_SENT_NETWORK.has(e.code)) return 'transient';
  // 5xx (InternalError), authorisation and configuration errors: retried, then dead-lettered with an alarm.
  return 'transient';
}

/** Sends SMS with SNS Publish to a phone number: E.164 checked, Transactional, sender ID / origination number / MaxPrice from configuration. */
export class SnsSmsSender implements SmsSender {
  readonly signature?: string;

  constructor(
    private readonly sns: SNSClient,
    private readonly options: SnsSmsOptions = {},
  ) {
    if (options.signature) this.signature = options.signature;
  }

  async send(message: Pick<OutgoingSms, 'to' | 'body'>): Promise<{ providerMessageId: string }> {
    if (!E164.test(message.to)) throw new SmsSendError(`phone number is not E.164: ${message.to.slice(0, 4)}…`, true);
    const attributes: Record<string, { DataType: string; StringValue: string }> = {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    };
    if (this.options.senderId) attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: this.options.senderId };
    if (this.options.originationNumber) attributes['AWS.MM.SMS.OriginationNumber'] = { DataType: 'String', StringValue: this.options.originationNumber };
    if (this.options.maxPrice) attributes['AWS.SNS.SMS.MaxPrice'] = { DataType: 'Number', StringValue: this.options.maxPrice };
    let out;
    try {
      out = await this.sns.send(new PublishCommand({ PhoneNumber: message.to, Message: message.body, MessageAttributes: attributes }));
    } catch (error) {
      const kind = classifySnsError(error);
      const name = error instanceof Error ? error.name : 'Error';
      const text = error instanceof Error ? error.message : String(error);
      throw new SmsSendError(`SNS ${name}: ${text}`, kind === 'permanent', kind);
    }
    if (!out.MessageId) throw new SmsSendError('SNS Publish answered without a MessageId', false, 'in-doubt');
    return { providerMessageId: out.MessageId };
  }
}
