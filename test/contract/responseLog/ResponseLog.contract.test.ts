import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoResponseLog } from '../../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { MemoryResponseLog } from '../../../functions/adapters/memory/MemoryResponseLog.ts';
import { UlidGenerator } from '../../../functions/adapters/system/UlidGenerator.ts';
import { LOG_SHARDS } from '../../../functions/config/logKeys.ts';
import { localTables } from '../../support/localTables.ts';
import { responseLogContract } from './responseLogContract.ts';

responseLogContract('DynamoDB Local', async () => {
  const { db, names } = await localTables();
  return new DynamoResponseLog(db, names.LOG_TABLE, new UlidGenerator());
});
responseLogContract('in memory', async () => new MemoryResponseLog(new UlidGenerator()));

describe('DynamoResponseLog on DynamoDB Local: no hot partition', () => {
  it('spreads one activation\'s entries over several partition keys, none of them the bare activation id', async () => {
    const { db, names } = await localTables();
    const log = new DynamoResponseLog(db, names.LOG_TABLE, new UlidGenerator());
    for (let i = 0; i < 40; i++) await log.append({ activationId: 'act-1', at: `2026-12-14T01:00:${String(i).padStart(2, '0')}.000Z`, actor: 'planner', action: 'team.booked', details: { i } });

    const keys = new Set(((await db.send(new ScanCommand({ TableName: names.LOG_TABLE }))).Items ?? []).map((item) => String(item.logPartition)));

    expect(keys.size).toBeGreaterThan(LOG_SHARDS / 2);
    expect([...keys].every((k) => k.startsWith('act-1#'))).toBe(true);
    expect((await log.list('act-1')).map((e) => e.details.i)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});
