import { SNSClient } from '@aws-sdk/client-sns';
import { observeSmsSender } from '../../adapters/observability/observeSmsSender.ts';
import type { Telemetry } from '../../adapters/observability/Telemetry.ts';
import { SnsSmsSender } from '../../adapters/sms/SnsSmsSender.ts';
import type { CoreDeps } from '../../core/ports/CoreDeps.ts';
import type { SmsSender } from '../../core/ports/SmsSender.ts';
import { buildStores, type TableNames } from './buildStores.ts';
import { aliyunSender } from './smsProvider.ts';

/**
 * The AWS-backed adapters a handler that texts gives to core, built once per container: the stores
 * (buildStores) and an SNS sender, traced and observed (SMS metrics, masked log lines).
 */
export function buildCoreDeps(env: TableNames & { SMS_SENDER_ID?: string; SMS_ORIGINATION_NUMBER?: string; SMS_SIGNATURE?: string }, telemetry: Telemetry): CoreDeps & { sms: SmsSender } {
  const sns = telemetry.tracer.captureAWSv3Client(new SNSClient({}));
  return {
    ...buildStores(env, telemetry),
    sms: observeSmsSender(aliyunSender ?? new SnsSmsSender(sns, { senderId: env.SMS_SENDER_ID, originationNumber: env.SMS_ORIGINATION_NUMBER, signature: env.SMS_SIGNATURE }), telemetry),
  };
}
