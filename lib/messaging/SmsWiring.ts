import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { SnowopsFunction } from '../SnowopsFunction.ts';
import { grantSmsOptOutChecks } from './grantSmsOptOutChecks.ts';
import { grantSmsToPhoneNumbers } from './grantSmsToPhoneNumbers.ts';
import { smsEnvironment } from './SmsSettings.ts';

/** How the stage's Lambdas send SMS (config `sms.provider`), with what each provider needs at run time. */
export type SmsWiring = (
  | { provider: 'sns'; senderId?: string | undefined; originationNumber?: string | undefined; signature?: string | undefined }
  | {
    provider: 'aliyun';
    signature: string;
    templateCodes: Readonly<Record<string, string>>;
    endpoint?: string | undefined;
    /** The RAM user's AccessKey as JSON { accessKeyId, accessKeySecret } (lib/messaging/AliyunAccessKey.ts). */
    accessKey: ISecret;
  }
) & {
  /** The stage's pace in message parts per second (config `sms.pace`): every sender's token bucket (SMS_PARTS_PER_SECOND). */
  partsPerSecond: number;
  /** The origination identity's kind (config `sms.pace.origination`), said with the pace (SMS_ORIGINATION). */
  origination?: string | undefined;
};

export interface SmsUse {
  /** The function checks SNS opt-outs before a wave (buildMessaging's SnsOptOutChecker); Alibaba Cloud has no such lookup. */
  checksOptOuts?: boolean;
}

/**
 * Lets `fn` send SMS through the stage's provider: SNS Publish to phone numbers (and the opt-out lookups where it
 * uses them), or read access to the Alibaba Cloud AccessKey secret; and the environment its sender reads
 * (functions/handlers/context/buildMessaging.ts, buildAliyunSender.ts). The bundle holds only that provider
 * (SnowopsFunction's smsProvider).
 */
export function wireSms(fn: SnowopsFunction, sms: SmsWiring, use: SmsUse = {}): void {
  wireSmsPace(fn, sms);
  if (sms.provider === 'sns') {
    grantSmsToPhoneNumbers(fn);
    if (use.checksOptOuts) grantSmsOptOutChecks(fn);
    for (const [name, value] of Object.entries(smsEnvironment(sms))) fn.addEnvironment(name, value);
    return;
  }
  sms.accessKey.grantRead(fn);
  fn.addEnvironment('SMS_SIGNATURE', sms.signature);
  fn.addEnvironment('ALIYUN_TEMPLATE_CODES', JSON.stringify(sms.templateCodes));
  fn.addEnvironment('ALIYUN_ACCESS_KEY_SECRET_ARN', sms.accessKey.secretArn);
  if (sms.endpoint) fn.addEnvironment('ALIYUN_SMS_ENDPOINT', sms.endpoint);
}

/**
 * The stage's pace on `fn` without any right to send (the activation planner says how long the wave it booked
 * takes to send): SMS_PARTS_PER_SECOND, SMS_ORIGINATION, and the signature that counts in each message's parts.
 */
export function wireSmsPace(fn: SnowopsFunction, sms: SmsWiring): void {
  fn.addEnvironment('SMS_PARTS_PER_SECOND', String(sms.partsPerSecond));
  if (sms.origination) fn.addEnvironment('SMS_ORIGINATION', sms.origination);
  if (sms.signature) fn.addEnvironment('SMS_SIGNATURE', sms.signature);
}
