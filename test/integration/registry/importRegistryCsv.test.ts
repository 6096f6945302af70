import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { importRegistryCsv } from '../../../functions/core/registry/csv/importRegistryCsv.ts';
import { plannerWorld, type PlannerWorld } from '../../support/plannerWorld.ts';

const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/registry/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../local/cli/bin.mjs', import.meta.url));

async function registryItems(world: PlannerWorld): Promise<Record<string, unknown>[]> {
  const out = await world.db.send(new ScanCommand({ TableName: world.names.REGISTRY_TABLE, ConsistentRead: true }));
  return (out.Items ?? []).sort((a, b) => `${a.pk}/${a.sk}`.localeCompare(`${b.pk}/${b.sk}`));
}

describe('registry CSV import on DynamoDB Local', () => {
  it('imports nothing when any row is bad, and lists each bad row with line, column and reason', async () => {
    const world = await plannerWorld();
    const before = await registryItems(world);
    const result = await importRegistryCsv(world.deps.registry, 'roads', fixture('roads.bad.csv'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.line, p.column])).toEqual([[3, 'tier'], [3, 'lane_km'], [4, 'zone'], [5, 'passes'], [5, 'agent_allowed'], [6, 'id']]);
    expect(!result.ok && result.problems.find((p) => p.line === 6)!.reason).toBe('"R201" is already on line 2');
    expect(await registryItems(world)).toEqual(before);
  });

  it('imports a good file, and importing it again changes nothing', async () => {
    const world = await plannerWorld();
    const first = await importRegistryCsv(world.deps.registry, 'roads', fixture('roads.good.csv'));
    expect(first).toEqual({ ok: true, rows: 3, created: ['R101', 'R102', 'R103'], changed: [], unchanged: 0 });
    const after = await registryItems(world);
    const second = await importRegistryCsv(world.deps.registry, 'roads', fixture('roads.good.csv'));
    expect(second).toEqual({ ok: true, rows: 3, created: [], changed: [], unchanged: 3 });
    expect(await registryItems(world)).toEqual(after);
    expect((await world.deps.registry.listRoads()).find((r) => r.id === 'R101')!.line).toHaveLength(3);
  });

  it('updates only the changed records, and moves a crew\'s phone lookup when its phone changes', async () => {
    const world = await plannerWorld();
    await importRegistryCsv(world.deps.registry, 'crews', fixture('crews.good.csv'));
    const edited = fixture('crews.good.csv').replace('+8613900391101', '+8613900391199');
    const result = await importRegistryCsv(world.deps.registry, 'crews', edited);
    expect(result).toEqual({ ok: true, rows: 2, created: [], changed: ['C101'], unchanged: 1 });
    expect((await world.deps.registry.findCrewByPhone('+8613900391199'))?.crew.id).toBe('C101');
    expect(await world.deps.registry.findCrewByPhone('+8613900391101')).toBeUndefined();
  });

  it('refuses a crew whose phone already belongs to another crew in the registry', async () => {
    const world = await plannerWorld();
    const taken = world.city.crews[0]!.leader.phone;
    const result = await importRegistryCsv(world.deps.registry, 'crews', fixture('crews.good.csv').replace('+8613900391101', taken));
    expect(result).toEqual({ ok: false, problems: [{ line: 2, column: 'leader_phone', reason: `+86… is already the phone of crew ${world.city.crews[0]!.id} in the registry` }] });
  });

  it('checks vehicles against the registry\'s depots', async () => {
    const world = await plannerWorld();
    const result = await importRegistryCsv(world.deps.registry, 'vehicles', fixture('vehicles.good.csv').replace('shanyang-depot', '北山车场'));
    expect(result).toEqual({ ok: false, problems: [{ line: 3, column: 'depot', reason: 'unknown depot "北山车场"' }] });
  });
});

describe('npx snowops import (the CLI, against DynamoDB Local)', () => {
  it('prints one line per bad row, imports nothing and exits 1', async () => {
    const world = await plannerWorld();
    const before = await registryItems(world);
    const error = await run(process.execPath, [CLI, 'import', 'roads', fixturePath('roads.bad.csv'), '--endpoint', inject('dynamoEndpoint'), '--table', world.names.REGISTRY_TABLE]).catch((e: { code: number; stderr: string }) => e);
    expect('code' in error && error.code).toBe(1);
    // Our lines only: the AWS SDK may add a Node version notice on stderr.
    const lines = (error as { stderr: string }).stderr.trim().split('\n').filter((l) => /^(roads\.bad\.csv|snowops):/.test(l));
    expect(lines).toEqual([
      'roads.bad.csv: line 3: tier: must be one of 1, 2, 3 (got "4"); lane_km: must be a number (got "abc")',
      'roads.bad.csv: line 4: zone: unknown zone "nowhere"; the registry has jiefang, macun, shanyang, zhongzhan',
      'roads.bad.csv: line 5: passes: unknown equipment class "shovel"; use plough, spreader, snow-melter, loader, sweeper (got "shovel"); agent_allowed: must be yes or no (got "maybe")',
      'roads.bad.csv: line 6: id: "R201" is already on line 2',
      'snowops: roads.bad.csv: nothing imported; 4 bad rows',
    ]);
    expect(await registryItems(world)).toEqual(before);
  }, 30_000);

  it('imports a good file and says so; the second run finds everything unchanged', async () => {
    const world = await plannerWorld();
    const args = ['import', 'vehicles', fixturePath('vehicles.good.csv'), '--endpoint', inject('dynamoEndpoint'), '--table', world.names.REGISTRY_TABLE];
    expect((await run(process.execPath, [CLI, ...args])).stdout).toBe('vehicles.good.csv: 2 vehicles valid; 2 new, 0 changed, 0 unchanged\n');
    expect((await run(process.execPath, [CLI, ...args])).stdout).toBe('vehicles.good.csv: 2 vehicles valid; 0 new, 0 changed, 2 unchanged\n');
  }, 30_000);
});
