import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { SmsSendError } from '../../core/errors/SmsSendError.ts';
import { E164 } from '../../core/registry/PhoneNumber.ts';
import type { SmsSender } from '../../core/ports/SmsSender.ts';

export interface SnsSmsOptions {
  senderId?: string;
  originationNumber?: string;
  maxPrice?: string;
}

const PERMANENT = new Set(['InvalidParameterException', 'InvalidParameterValueException', 'OptedOutException', 'AuthorizationErrorException']);

/** Sends SMS with SNS Publish to a phone number, as Transactional. */
export class SnsSmsSender implements SmsSender {
  constructor(
    private readonly sns: SNSClient,
    private readonly options: SnsSmsOptions = {},
  ) {}

  async send(message: { to: string; body: string }): Promise<{ providerMessageId: string }> {
    if (!E164.test(message.to)) throw new SmsSendError(`phone number is not E.164: ${message.to.slice(0, 4)}…`, true);
    const attributes: Record<string, { DataType: string; StringValue: string }> = {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    };
    if (this.options.senderId) attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: this.options.senderId };
    if (this.options.originationNumber) attributes['AWS.MM.SMS.OriginationNumber'] = { DataType: 'String', StringValue: this.options.originationNumber };
    if (this.options.maxPrice) attributes['AWS.SNS.SMS.MaxPrice'] = { DataType: 'Number', StringValue: this.options.maxPrice };
    try {
      const out = await this.sns.send(new PublishCommand({ PhoneNumber: message.to, Message: message.body, MessageAttributes: attributes }));
      if (!out.MessageId) throw new SmsSendError('SNS Publish returned no MessageId', false);
      return { providerMessageId: out.MessageId };
    } catch (error) {
      if (error instanceof SmsSendError) throw error;
      const name = error instanceof Error ? error.name : 'Error';
      const text = error instanceof Error ? error.message : String(error);
      throw new SmsSendError(`SNS ${name}: ${text}`, PERMANENT.has(name));
    }
  }
}
