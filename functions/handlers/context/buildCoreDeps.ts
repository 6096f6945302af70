import { SNSClient } from '@aws-sdk/client-sns';
import { documentClient } from '../../adapters/dynamo/documentClient.ts';
import { DynamoOperationsStore } from '../../adapters/dynamo/DynamoOperationsStore.ts';
import { DynamoRegistryStore } from '../../adapters/dynamo/DynamoRegistryStore.ts';
import { DynamoResponseLog } from '../../adapters/dynamo/DynamoResponseLog.ts';
import { observeDeps } from '../../adapters/observability/observeDeps.ts';
import type { Telemetry } from '../../adapters/observability/Telemetry.ts';
import { SnsSmsSender } from '../../adapters/sms/SnsSmsSender.ts';
import { SystemClock } from '../../adapters/system/SystemClock.ts';
import { UlidGenerator } from '../../adapters/system/UlidGenerator.ts';
import type { CoreDeps } from '../../core/ports/CoreDeps.ts';
import type { SmsSender } from '../../core/ports/SmsSender.ts';

export interface TableNames {
  REGISTRY_TABLE: string;
  OPERATIONS_TABLE: string;
  LOG_TABLE: string;
}

/**
 * The AWS-backed adapters a handler gives to core, built once per container: SDK calls traced, and the
 * ports observed (metrics, correlation id, masked SMS log lines) through the handler's telemetry.
 */
export function buildCoreDeps(env: TableNames & { SMS_SENDER_ID?: string; SMS_ORIGINATION_NUMBER?: string }, telemetry: Telemetry): CoreDeps & { sms: SmsSender } {
  // The document client shares its middleware stack with the DynamoDB client inside, so both are traced.
  const db = telemetry.tracer.captureAWSv3Client(documentClient());
  const sns = telemetry.tracer.captureAWSv3Client(new SNSClient({}));
  const ids = new UlidGenerator();
  return observeDeps({
    registry: new DynamoRegistryStore(db, env.REGISTRY_TABLE),
    ops: new DynamoOperationsStore(db, env.OPERATIONS_TABLE),
    log: new DynamoResponseLog(db, env.LOG_TABLE, ids),
    clock: new SystemClock(),
    ids,
    sms: new SnsSmsSender(sns, { senderId: env.SMS_SENDER_ID, originationNumber: env.SMS_ORIGINATION_NUMBER }),
  }, telemetry);
}
