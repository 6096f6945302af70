import { SNSClient } from '@aws-sdk/client-sns';
import { documentClient } from '../../adapters/dynamo/documentClient.ts';
import { DynamoOperationsStore } from '../../adapters/dynamo/DynamoOperationsStore.ts';
import { DynamoRegistryStore } from '../../adapters/dynamo/DynamoRegistryStore.ts';
import { DynamoResponseLog } from '../../adapters/dynamo/DynamoResponseLog.ts';
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

/** The AWS-backed adapters a handler gives to core. Built once per container. */
export function buildCoreDeps(env: TableNames & { SMS_SENDER_ID?: string; SMS_ORIGINATION_NUMBER?: string }): CoreDeps & { sms: SmsSender } {
  const db = documentClient();
  const ids = new UlidGenerator();
  return {
    registry: new DynamoRegistryStore(db, env.REGISTRY_TABLE),
    ops: new DynamoOperationsStore(db, env.OPERATIONS_TABLE),
    log: new DynamoResponseLog(db, env.LOG_TABLE, ids),
    clock: new SystemClock(),
    ids,
    sms: new SnsSmsSender(new SNSClient({}), { senderId: env.SMS_SENDER_ID, originationNumber: env.SMS_ORIGINATION_NUMBER }),
  };
}
