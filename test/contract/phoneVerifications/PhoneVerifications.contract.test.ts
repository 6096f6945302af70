import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { DynamoPhoneVerifications } from '../../../functions/adapters/dynamo/DynamoPhoneVerifications.ts';
import { MemoryPhoneVerifications } from '../../../functions/adapters/memory/MemoryPhoneVerifications.ts';
import { CITIZEN_TABLE } from '../../../functions/config/tables.ts';
import { createTables } from '../../../local/dynamo/createTables.ts';
import { LOCAL_AWS } from '../../../local/dynamo/startDynamoLocal.ts';
import { phoneVerificationsContract } from './phoneVerificationsContract.ts';

const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...LOCAL_AWS });
const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
let counter = 0;
/** A fresh citizen table for each test. */
const freshTable = async () => (await createTables(client, [CITIZEN_TABLE], `vs${process.pid}-${Date.now().toString(36)}-${counter++}-`)).CITIZEN_TABLE!;

phoneVerificationsContract('DynamoDB Local', async () => new DynamoPhoneVerifications(db, await freshTable()));
phoneVerificationsContract('in memory', async () => new MemoryPhoneVerifications());
