import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { DynamoRateQuotas } from '../../../functions/adapters/dynamo/DynamoRateQuotas.ts';
import { MemoryRateQuotas } from '../../../functions/adapters/memory/MemoryRateQuotas.ts';
import { CITIZEN_TABLE } from '../../../functions/config/tables.ts';
import { createTables } from '../../../local/dynamo/createTables.ts';
import { LOCAL_AWS } from '../../../local/dynamo/startDynamoLocal.ts';
import { rateQuotasContract } from './rateQuotasContract.ts';

const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...LOCAL_AWS });
const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
let counter = 0;
/** A fresh citizen table for each test. */
const freshTable = async () => (await createTables(client, [CITIZEN_TABLE], `rq${process.pid}-${Date.now().toString(36)}-${counter++}-`)).CITIZEN_TABLE!;

rateQuotasContract('DynamoDB Local', async () => new DynamoRateQuotas(db, await freshTable()));
rateQuotasContract('in memory', async () => new MemoryRateQuotas());
