import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { dynamoOperations } from '../../../functions/adapters/dynamo/dynamoOperations.ts';
import { memoryOperations } from '../../../functions/adapters/memory/memoryOperations.ts';
import { OPERATIONS_TABLE } from '../../../functions/config/tables.ts';
import type { OperationsPorts } from '../../../functions/core/ports/OperationsPorts.ts';
import { createTables } from '../../../local/dynamo/createTables.ts';
import { LOCAL_AWS } from '../../../local/dynamo/startDynamoLocal.ts';

/** The ports under contract, and the one fault every conditional write must survive. */
export interface ContractWorld extends OperationsPorts {
  /** The next write lands, then its answer is lost (a socket timeout) and it is sent again, as the SDK does. */
  landNextWriteThenTimeOut(): void;
  /** The same ports as another container has them: new adapters over the same table (or memory). */
  anotherContainer(): OperationsPorts;
}

export interface ContractSubject {
  name: string;
  make(): Promise<ContractWorld>;
}

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand']);
let counter = 0;

/** A fresh operations table on the run's DynamoDB Local, the real adapters on it, and a fault in the SDK's retry loop. */
async function onDynamoLocal(): Promise<ContractWorld> {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...LOCAL_AWS });
  const names = await createTables(client, [OPERATIONS_TABLE], `c${process.pid}-${Date.now().toString(36)}-${counter++}-`);
  let armed = false;
  client.middlewareStack.add((next, context) => async (args) => {
    if (!armed || !WRITES.has(String(context.commandName))) return next(args);
    armed = false;
    await next(args);
    throw Object.assign(new Error('socket hang up after the request was written (injected)'), { name: 'TimeoutError', $metadata: {} });
  }, { step: 'finalizeRequest', priority: 'low', name: 'contractLandedThenTimeout' });
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const table = names[OPERATIONS_TABLE.envVar]!;
  return { ...dynamoOperations(db, table), landNextWriteThenTimeOut: () => { armed = true; }, anotherContainer: () => dynamoOperations(db, table) };
}

async function inMemory(): Promise<ContractWorld> {
  const ports = memoryOperations();
  return { ...ports, landNextWriteThenTimeOut: () => ports.memory.landNextWriteThenResend(), anotherContainer: () => memoryOperations(ports.memory) };
}

/** Every contract suite runs against both: the in-memory twin must behave as the DynamoDB adapter does. */
export const SUBJECTS: ContractSubject[] = [
  { name: 'in-memory twin', make: inMemory },
  { name: 'DynamoDB adapter on DynamoDB Local', make: onDynamoLocal },
];
