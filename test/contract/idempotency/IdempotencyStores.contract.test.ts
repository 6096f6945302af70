import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { dynamoIdempotencyStore } from '../../../functions/adapters/idempotency/dynamoIdempotencyStore.ts';
import { MemoryIdempotencyStore } from '../../../functions/adapters/idempotency/MemoryIdempotencyStore.ts';
import { IDEMPOTENCY_TABLE } from '../../../functions/config/tables.ts';
import { createTables } from '../../../local/dynamo/createTables.ts';
import { LOCAL_AWS } from '../../../local/dynamo/startDynamoLocal.ts';
import { idempotencyContract } from './idempotencyContract.ts';

const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...LOCAL_AWS });
let counter = 0;
/** A fresh idempotency table for each test. */
const freshTable = async () => (await createTables(client, [IDEMPOTENCY_TABLE], `id${process.pid}-${Date.now().toString(36)}-${counter++}-`)).IDEMPOTENCY_TABLE!;

idempotencyContract('DynamoDB layer on DynamoDB Local', async () => dynamoIdempotencyStore(await freshTable(), client));
idempotencyContract('in-memory twin', async () => new MemoryIdempotencyStore());
