import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { ALL_TABLES } from '../../functions/config/tables.ts';
import { createTables } from '../../local/dynamo/createTables.ts';
import { LOCAL_AWS } from '../../local/dynamo/startDynamoLocal.ts';

let counter = 0;

/** Fresh tables on the run's DynamoDB Local, with a prefix of their own, and a document client for them. */
export async function localTables(): Promise<{ db: DynamoDBDocumentClient; client: DynamoDBClient; names: { REGISTRY_TABLE: string; OPERATIONS_TABLE: string; LOG_TABLE: string; IDEMPOTENCY_TABLE: string; CITIZEN_TABLE: string } }> {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...LOCAL_AWS });
  const prefix = `t${process.pid}-${Date.now().toString(36)}-${counter++}-`;
  const names = (await createTables(client, ALL_TABLES, prefix)) as { REGISTRY_TABLE: string; OPERATIONS_TABLE: string; LOG_TABLE: string; IDEMPOTENCY_TABLE: string; CITIZEN_TABLE: string };
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { db, client, names };
}
