// Issue 14, defect 1: a 31-row import failed after writing 25 rows (written 25 at a time, no
// transaction) and was not logged. Now a file is staged whole and switched in by one write.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { DynamoRegistryStore } from '../../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { importOnRequest } from '../../../functions/core/registry/csv/importOnRequest.ts';
import { LOCAL_AWS } from '../../../local/dynamo/startDynamoLocal.ts';
import { plannerWorld, type PlannerWorld } from '../../support/plannerWorld.ts';

/** A client of the same DynamoDB Local whose `failAt`-th BatchWriteItem fails, as a throttled or unreachable table would. */
function failingClient(failAt: number): { db: DynamoDBDocumentClient; batches: () => number } {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), ...LOCAL_AWS });
  let batches = 0;
  client.middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'BatchWriteItemCommand' && ++batches === failAt) throw new Error('injected: the table stopped answering');
    return next(args);
  }, { step: 'initialize', name: 'failNthBatchWrite' });
  return { db: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }), batches: () => batches };
}

function roadsCsv(world: PlannerWorld, count: number, prefix = 'N'): string {
  const zone = world.city.zones[0]!.id;
  const rows = Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')},New road ${i + 1},${zone},2,1.5,35.22,113.22,plough,yes`);
  return ['id,name,zone,tier,lane_km,lat,lon,passes,agent_allowed', ...rows].join('\n');
}

describe('a registry import lands whole or changes nothing', () => {
  it('changes no road when the table fails on the second of the write batches, and logs the failed import with its reason', async () => {
    const world = await plannerWorld();
    const before = await world.deps.registry.listRoads();
    const faulty = failingClient(2);
    const store = new DynamoRegistryStore(faulty.db, world.names.REGISTRY_TABLE);
    const attempt = importOnRequest({ ...world.deps, registryImport: store }, { kind: 'roads', text: roadsCsv(world, 31), dryRun: false, actor: 'admin-demo' });
    await expect(attempt).rejects.toThrow('injected');
    expect(faulty.batches()).toBeGreaterThanOrEqual(2);
    expect(await world.deps.registry.listRoads()).toEqual(before);
    const logged = (await world.deps.log.list('registry')).filter((e) => e.subject === 'import:roads');
    expect(logged.map((e) => [e.action, e.reason])).toEqual([['registry.import-failed', 'injected: the table stopped answering']]);
  });

  it('switches all 31 rows in together when nothing fails, and logs the counts', async () => {
    const world = await plannerWorld();
    const before = (await world.deps.registry.listRoads()).length;
    const outcome = await importOnRequest({ ...world.deps, registryImport: world.deps.registry }, { kind: 'roads', text: roadsCsv(world, 31), dryRun: false, actor: 'admin-demo' });
    expect(outcome).toMatchObject({ ok: true, rows: 31 });
    expect(await world.deps.registry.listRoads()).toHaveLength(before + 31);
    const [entry] = (await world.deps.log.list('registry')).filter((e) => e.subject === 'import:roads');
    expect(entry).toMatchObject({ action: 'registry.imported', details: { rows: 31, unchanged: 0 } });
  });

  it('logs a refused file with its counts and first problem, writing no road', async () => {
    const world = await plannerWorld();
    const before = await world.deps.registry.listRoads();
    const text = `${roadsCsv(world, 30)}\nN031,${'长'.repeat(420)},${world.city.zones[0]!.id},2,1.5,35.22,113.22,plough,yes`;
    const outcome = await importOnRequest({ ...world.deps, registryImport: world.deps.registry }, { kind: 'roads', text, dryRun: false, actor: 'admin-demo' });
    expect(outcome.ok).toBe(false);
    expect(await world.deps.registry.listRoads()).toEqual(before);
    const [entry] = (await world.deps.log.list('registry')).filter((e) => e.subject === 'import:roads');
    expect(entry).toMatchObject({ action: 'registry.import-refused', details: { problems: 1, badRows: 1, first: [expect.stringMatching(/^line 32: name: /)] } });
  });

  it('never shows a reader part of a file: every read during an import sees the roads before or after, all of them', async () => {
    const world = await plannerWorld();
    const before = (await world.deps.registry.listRoads()).length;
    const importing = importOnRequest({ ...world.deps, registryImport: world.deps.registry }, { kind: 'roads', text: roadsCsv(world, 120), dryRun: false, actor: 'admin-demo' });
    let done = false;
    void importing.finally(() => { done = true; });
    const seen = new Set<number>();
    while (!done) seen.add((await world.deps.registry.listRoads()).length);
    await importing;
    seen.add((await world.deps.registry.listRoads()).length);
    expect([...seen].every((n) => n === before || n === before + 120)).toBe(true);
    expect(seen.has(before + 120)).toBe(true);
  });
});
