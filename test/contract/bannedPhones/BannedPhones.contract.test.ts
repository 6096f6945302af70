import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { DynamoBannedPhones } from '../../../functions/adapters/dynamo/DynamoBannedPhones.ts';
import { MemoryBannedPhones } from '../../../functions/adapters/memory/MemoryBannedPhones.ts';
import { CITIZEN_TABLE } from '../../../functions/config/tables.ts';
import { createTables } from '../../../local/dynamo/createTables.ts';
import { LOCAL_AWS } from '../../../local/dynamo/startDynamoLocal.ts';
import { bannedPhonesContract } from './bannedPhonesContract.ts';

const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...LOCAL_AWS });
const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
let counter = 0;
/** A fresh citizen table for each test. */
const freshTable = async () => (await createTables(client, [CITIZEN_TABLE], `bp${process.pid}-${Date.now().toString(36)}-${counter++}-`)).CITIZEN_TABLE!;

bannedPhonesContract('DynamoDB Local', async () => new DynamoBannedPhones(db, await freshTable()));
bannedPhonesContract('in memory', async () => new MemoryBannedPhones());
