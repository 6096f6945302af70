import { SendBatchSmsRequest, SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { SmsSendError } from '../../../core/errors/SmsSendError.ts';
import type { TemplateRef } from '../../../core/messages/catalogue/CatalogueEntry.ts';
import type { OutgoingSms, SmsSender } from '../../../core/ports/SmsSender.ts';
import { E164 } from '../../../core/registry/PhoneNumber.ts';
import { aliyunPhoneNumber } from './aliyunPhoneNumber.ts';
import { classifyAliyunError } from './classifyAliyunError.ts';
import type { DysmsapiClient } from './dysmsapiClient.ts';
import { templateKey } from './registrationForm.ts';

export interface AliyunSmsOptions {
  /** The approved signature (SignName), without 【】: Alibaba Cloud puts 【SignName】 in front of every message. */
  signName: string;
  /** TemplateCode (SMS_…) of each catalogue template, by `<name>.<language>`, as assigned when registered. */
  templateCodes: Readonly<Record<string, string>>;
}


interface Answer { code?: string; message?: string; bizId?: string }

/** The same values for up to 100 numbers of one template (SendBatchSms); each gets the same text. */
export interface BatchSms {
  to: readonly string[];
  template: TemplateRef;
  idempotencyKey: string;
}

/**
 * Sends SMS through Alibaba Cloud SMS (Dysmsapi 2017-05-25) with its official SDK: the catalogue template's
 * registered TemplateCode with its values as TemplateParam, the stage's SignName, and the attempt's key as
 * OutId (delivery receipts carry it back). The text itself is never sent: the provider renders the template.
 */
export class AliyunSmsSender implements SmsSender {
  readonly signature: string;

  constructor(
    private readonly client: DysmsapiClient,
    private readonly options: AliyunSmsOptions,
  ) {
    this.signature = options.signName;
  }

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    if (!E164.test(message.to)) throw new SmsSendError(`phone number is not E.164: ${message.to.slice(0, 4)}…`, true);
    const templateCode = this.templateCode(message.template);
    const request = new SendSmsRequest({
      phoneNumbers: aliyunPhoneNumber(message.to),
      signName: this.options.signName,
      templateCode,
      templateParam: JSON.stringify(message.template!.params),
      outId: message.idempotencyKey,
    });
    return { providerMessageId: this.accepted(await this.call(() => this.client.sendSms(request))) };
  }

  /** SendBatchSms: one template with the same values to several numbers (at most 100), one BizId for all. */
  async sendBatch(batch: BatchSms): Promise<{ providerMessageId: string }> {
    if (batch.to.length === 0 || batch.to.length > 100) throw new SmsSendError(`a batch takes 1 to 100 numbers, not ${batch.to.length}`, true);
    const bad = batch.to.find((to) => !E164.test(to));
    if (bad) throw new SmsSendError(`phone number is not E.164: ${bad.slice(0, 4)}…`, true);
    const templateCode = this.templateCode(batch.template);
    const request = new SendBatchSmsRequest({
      phoneNumberJson: JSON.stringify(batch.to.map(aliyunPhoneNumber)),
      signNameJson: JSON.stringify(batch.to.map(() => this.options.signName)),
      templateCode,
      templateParamJson: JSON.stringify(batch.to.map(() => batch.template.params)),
      outId: batch.idempotencyKey,
    });
    return { providerMessageId: this.accepted(await this.call(() => this.client.sendBatchSms(request))) };
  }

  private templateCode(template: TemplateRef | undefined): string {
    if (!template) throw new SmsSendError('Alibaba Cloud SMS sends registered templates only, and this message has none', true);
    const code = this.options.templateCodes[templateKey(template.name, template.language)];
    if (!code) throw new SmsSendError(`template ${templateKey(template.name, template.language)} has no TemplateCode in this stage's sms.aliyun.templateCodes: register it first (npx snowops sms templates --provider aliyun)`, true);
    return code;
  }

  private async call(request: () => Promise<{ body?: Answer }>): Promise<Answer> {
    try {
      return (await request()).body ?? {};
    } catch (error) {
      const e = error as { code?: string; message?: string; name?: string };
      const kind = classifyAliyunError(e.code, e.message, error);
      throw new SmsSendError(`Alibaba Cloud SMS ${e.code ?? e.name ?? 'error'}: ${e.message ?? String(error)}`, kind === 'permanent', kind);
    }
  }

  private accepted(answer: Answer): string {
    if (answer.code !== 'OK') {
      const kind = classifyAliyunError(answer.code, answer.message);
      throw new SmsSendError(`Alibaba Cloud SMS ${answer.code ?? '(no code)'}: ${answer.message ?? ''}`, kind === 'permanent', kind);
    }
    if (!answer.bizId) throw new SmsSendError('Alibaba Cloud SMS answered OK without a BizId', false, 'in-doubt');
    return answer.bizId;
  }
}
