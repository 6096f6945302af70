import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { PowertoolsAttemptGuard } from '../../adapters/idempotency/PowertoolsAttemptGuard.ts';
import { observeSmsSender } from '../../adapters/observability/observeSmsSender.ts';
import type { Telemetry } from '../../adapters/observability/Telemetry.ts';
import { SnsOptOutChecker } from '../../adapters/sms/SnsOptOutChecker.ts';
import { SnsSmsSender } from '../../adapters/sms/SnsSmsSender.ts';
import { systemTimer } from '../../adapters/system/SystemTimer.ts';
import { DEFAULT_RETRY_POLICY } from '../../core/dispatch/RetryPolicy.ts';
import { TokenBucket } from '../../core/dispatch/TokenBucket.ts';
import type { DeadLetterQueue } from '../../core/ports/DeadLetterQueue.ts';
import type { Messaging } from '../../core/ports/Messaging.ts';
import type { SmsSender } from '../../core/ports/SmsSender.ts';
import { aliyunSender } from './smsProvider.ts';
import { dynamoIdempotencyStore } from '../../adapters/idempotency/dynamoIdempotencyStore.ts';

export interface MessagingEnv {
  IDEMPOTENCY_TABLE: string;
  SMS_SENDER_ID?: string | undefined;
  SMS_ORIGINATION_NUMBER?: string | undefined;
  SMS_SIGNATURE?: string | undefined;
  SMS_MAX_PRICE?: string | undefined;
  SMS_PARTS_PER_SECOND: number;
  SMS_MAX_TRIES: number;
  SMS_CONCURRENCY: number;
}

/**
 * The SNS sender and the messaging ports of a Lambda, built once per container. The SNS client makes
 * one try per call (maxAttempts 1): the dispatcher's own retry policy paces and counts the retries,
 * so throttled calls are not multiplied by a second retry layer.
 */
export function buildMessaging(env: MessagingEnv, deadLetters: DeadLetterQueue, telemetry: Telemetry): { sms: SmsSender; messaging: Messaging } {
  // Traced, and the sender observed (SMS metrics, masked log line) like buildCoreDeps' ports: spreading
  // { ...buildCoreDeps(), ...buildMessaging() } replaces the core sender with this one.
  const sns = telemetry.tracer.captureAWSv3Client(new SNSClient({ maxAttempts: 1 }));
  return {
    sms: observeSmsSender(aliyunSender ?? new SnsSmsSender(sns, { senderId: env.SMS_SENDER_ID, originationNumber: env.SMS_ORIGINATION_NUMBER, maxPrice: env.SMS_MAX_PRICE, signature: env.SMS_SIGNATURE }), telemetry),
    messaging: {
      guard: new PowertoolsAttemptGuard({ persistenceStore: dynamoIdempotencyStore(env.IDEMPOTENCY_TABLE, telemetry.tracer.captureAWSv3Client(new DynamoDBClient({}))) }),
      limiter: new TokenBucket({ partsPerSecond: env.SMS_PARTS_PER_SECOND, now: systemTimer.now, sleep: systemTimer.sleep }),
      // Alibaba Cloud has no opt-out lookup: a blacklisted number is refused at the send, permanently.
      ...(aliyunSender ? {} : { optOut: new SnsOptOutChecker(sns) }),
      deadLetters,
      retry: { ...DEFAULT_RETRY_POLICY, maxTries: env.SMS_MAX_TRIES },
      sleep: systemTimer.sleep,
      random: Math.random,
      concurrency: env.SMS_CONCURRENCY,
    },
  };
}
