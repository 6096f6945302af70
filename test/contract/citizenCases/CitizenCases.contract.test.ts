import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { DynamoCitizenCases } from '../../../functions/adapters/dynamo/DynamoCitizenCases.ts';
import { MemoryCitizenCases } from '../../../functions/adapters/memory/MemoryCitizenCases.ts';
import { CITIZEN_TABLE } from '../../../functions/config/tables.ts';
import { createTables } from '../../../local/dynamo/createTables.ts';
import { LOCAL_AWS } from '../../../local/dynamo/startDynamoLocal.ts';
import { citizenCasesContract } from './citizenCasesContract.ts';

const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...LOCAL_AWS });
const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
let counter = 0;

citizenCasesContract('DynamoDB Local', async () => {
  // Only the citizen table, fresh for each test: the contract is about one store's behaviour.
  const names = await createTables(client, [CITIZEN_TABLE], `cc${process.pid}-${Date.now().toString(36)}-${counter++}-`);
  return new DynamoCitizenCases(db, names.CITIZEN_TABLE!);
});

citizenCasesContract('in memory', async () => new MemoryCitizenCases());
