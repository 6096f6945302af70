import { documentClient } from '../../adapters/dynamo/documentClient.ts';
import { dynamoOperations } from '../../adapters/dynamo/dynamoOperations.ts';
import { DynamoRegistryStore } from '../../adapters/dynamo/DynamoRegistryStore.ts';
import { DynamoResponseLog } from '../../adapters/dynamo/DynamoResponseLog.ts';
import { observeDeps } from '../../adapters/observability/observeDeps.ts';
import type { Telemetry } from '../../adapters/observability/Telemetry.ts';
import { SystemClock } from '../../adapters/system/SystemClock.ts';
import { UlidGenerator } from '../../adapters/system/UlidGenerator.ts';
import type { CoreDeps } from '../../core/ports/CoreDeps.ts';

export interface TableNames {
  REGISTRY_TABLE: string;
  OPERATIONS_TABLE: string;
  LOG_TABLE: string;
}

/**
 * The DynamoDB-backed ports core is given, built once per container: SDK calls traced, and the ports
 * observed (metrics, correlation id) through the handler's telemetry. No SMS sender: buildCoreDeps adds one.
 */
export function buildStores(env: TableNames, telemetry: Telemetry): CoreDeps {
  // The document client shares its middleware stack with the DynamoDB client inside, so both are traced.
  const db = telemetry.tracer.captureAWSv3Client(documentClient());
  const ids = new UlidGenerator();
  return observeDeps({
    registry: new DynamoRegistryStore(db, env.REGISTRY_TABLE),
    ...dynamoOperations(db, env.OPERATIONS_TABLE),
    log: new DynamoResponseLog(db, env.LOG_TABLE, ids),
    clock: new SystemClock(),
    ids,
  }, telemetry);
}
