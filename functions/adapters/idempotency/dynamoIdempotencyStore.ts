import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';

/** The IDEMPOTENCY table as Powertools' persistence layer: where deployed guards keep their records. */
export function dynamoIdempotencyStore(tableName: string, client?: DynamoDBClient): DynamoDBPersistenceLayer {
  return new DynamoDBPersistenceLayer({ tableName, ...(client ? { awsSdkV3Client: client } : {}) });
}
