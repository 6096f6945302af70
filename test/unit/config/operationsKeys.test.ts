import { describe, expect, it } from 'vitest';
import { crewTaskingPrefix } from '../../../functions/core/escalation/TaskingCase.ts';
import { crewCasePartition, dueIndexKeys, operationsKeys, SHARDS, shardPartitions } from '../../../functions/config/operationsKeys.ts';
import { shardOf } from '../../../functions/config/shardOf.ts';

const count = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

describe('operationsKeys: an activation spread over partitions', () => {
  it('puts a key in the same shard every time (FNV-1a, not a per-process hash)', () => {
    expect([shardOf('', 8), shardOf('a', 8)]).toEqual([0x811c9dc5 % 8, 0xe40c292c % 8]);
    expect(shardOf('a', 1 << 30)).toBe(0xe40c292c % (1 << 30));
  });

  it('spreads a city\'s tasks over every task shard, none with more than twice its share', () => {
    const partitions = count(Array.from({ length: 4000 }, (_, i) => operationsKeys.task('act-1', `task-${i}`).pk));
    expect([...partitions.keys()].sort()).toEqual(shardPartitions.ofActivation('act-1', 'task').sort());
    expect(Math.max(...partitions.values())).toBeLessThan((2 * 4000) / SHARDS.task);
  });

  it('keeps the activation\'s record apart from its task, claim, case, message and shortfall shards', () => {
    const kinds = [operationsKeys.activation('a').pk, operationsKeys.task('a', 't').pk, operationsKeys.cover('a', 'R1', 'plough').pk, operationsKeys.taskingCase('a', `${crewTaskingPrefix('a', 'C1')}w1#T01`).pk, operationsKeys.message('a', 'm').pk, operationsKeys.shortfall('a', 'R1#plough').pk];
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('keeps a road\'s passes in one claim shard and a crew\'s cases in one case shard', () => {
    expect(operationsKeys.cover('a', 'R7', 'plough').pk).toBe(operationsKeys.cover('a', 'R7', 'agent').pk);
    expect(new Set([`${crewTaskingPrefix('a', 'C9')}w1#T01`, `${crewTaskingPrefix('a', 'C9')}w2#T40#moved@x`].map((id) => operationsKeys.taskingCase('a', id).pk))).toEqual(new Set([crewCasePartition('a', 'C9')]));
  });

  it('spreads locks, zone states and the due index over their shards', () => {
    expect(count(Array.from({ length: 800 }, (_, i) => operationsKeys.lock(i % 2 ? 'CREW' : 'VEHICLE', `X${i}`).pk)).size).toBe(SHARDS.lock);
    expect(count(Array.from({ length: 400 }, (_, i) => operationsKeys.zoneState(`z${i}`).pk)).size).toBe(SHARDS.zoneState);
    expect(count(Array.from({ length: 400 }, (_, i) => dueIndexKeys(`C${i}`, '2026-12-14T00:00:00.000Z', `c${i}`).gsi2pk)).size).toBe(SHARDS.due);
    expect(shardPartitions.locks()).toContain(operationsKeys.lock('CREW', 'C1').pk);
  });
});
