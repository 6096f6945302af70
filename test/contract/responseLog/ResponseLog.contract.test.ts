import { DynamoResponseLog } from '../../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { MemoryResponseLog } from '../../../functions/adapters/memory/MemoryResponseLog.ts';
import { UlidGenerator } from '../../../functions/adapters/system/UlidGenerator.ts';
import { localTables } from '../../support/localTables.ts';
import { responseLogContract } from './responseLogContract.ts';

responseLogContract('DynamoDB Local', async () => {
  const { db, names } = await localTables();
  return new DynamoResponseLog(db, names.LOG_TABLE, new UlidGenerator());
});
responseLogContract('in memory', async () => new MemoryResponseLog(new UlidGenerator()));
