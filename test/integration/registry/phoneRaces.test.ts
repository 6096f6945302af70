// Issue 14, defect 3: an import of one crew racing a PUT of another with the same leader phone succeeded
// both ways in one of ten rounds (the phone link was overwritten without a condition). Every write to the
// crews is now conditional on the registry it was checked against, so one of them wins, every round.
import { describe, expect, it } from 'vitest';
import { importOnRequest } from '../../../functions/core/registry/csv/importOnRequest.ts';
import { saveCityPlan, saveRegistryRecord } from '../../../functions/core/registry/editRegistry.ts';
import type { Crew } from '../../../functions/core/registry/Crew.ts';
import { plannerWorld, type PlannerWorld } from '../../support/plannerWorld.ts';

const ROUNDS = 10;

function crewWithLeader(world: PlannerWorld, id: string, phone: string, backup: string): Crew {
  const model = world.city.crews[0]!;
  return { ...model, id, leader: { ...model.leader, phone }, backup: { ...model.backup, phone: backup } };
}

function crewCsv(world: PlannerWorld, id: string, phone: string, backup: string): string {
  const c = world.city.crews[0]!;
  return ['id,name,zone,depot,size,leader_name,leader_phone,backup_name,backup_phone,certified',
    `${id},Import crew ${id},${c.zoneId},${c.depot},${c.size},Leader ${id},${phone},Backup ${id},${backup},${c.certified.join(';')}`].join('\n');
}

/** Every phone of the registry's crews belongs to one crew only, and its lookup names that crew. */
async function phoneProblems(world: PlannerWorld): Promise<string[]> {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const c of await world.deps.registry.listCrews()) {
    for (const phone of [c.leader.phone, c.backup.phone]) {
      if (owner.has(phone)) problems.push(`${phone} is on ${owner.get(phone)} and ${c.id}`);
      owner.set(phone, c.id);
      const found = await world.deps.registry.findCrewByPhone(phone);
      if (found?.crew.id !== c.id) problems.push(`${phone} looks up ${found?.crew.id ?? 'nothing'}, not ${c.id}`);
    }
  }
  return problems;
}

const phone = (round: number, n: number) => `+86139${String(round).padStart(3, '0')}${String(n).padStart(5, '0')}`;

describe('one phone answers for one crew, however the writes race (DynamoDB Local)', () => {
  it(`lets exactly one of an import and a PUT take the same leader phone, in each of ${ROUNDS} rounds`, async () => {
    const world = await plannerWorld();
    const deps = { ...world.deps, registryAdmin: world.deps.registry, registryImport: world.deps.registry };
    const winners: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const shared = phone(round, 1);
      const [imported, put] = await Promise.allSettled([
        importOnRequest(deps, { kind: 'crews', text: crewCsv(world, `I${round}`, shared, phone(round, 2)), dryRun: false, actor: 'admin-a' }),
        saveRegistryRecord(deps, 'crews', crewWithLeader(world, `P${round}`, shared, phone(round, 3)), 'admin-b'),
      ]);
      const importWon = imported.status === 'fulfilled' && imported.value.ok;
      const putWon = put.status === 'fulfilled';
      winners.push(importWon && putWon ? 'both' : importWon ? 'import' : putWon ? 'put' : 'neither');
      if (put.status === 'rejected') expect((put.reason as Error).name).toBe('ConflictError');
    }
    expect(winners.filter((w) => w === 'both' || w === 'neither')).toEqual([]);
    expect(await phoneProblems(world)).toEqual([]);
  });

  it(`lets exactly one of two PUTs of different crews take the same phone, in each of ${ROUNDS} rounds`, async () => {
    const world = await plannerWorld();
    const deps = { ...world.deps, registryAdmin: world.deps.registry };
    for (let round = 1; round <= ROUNDS; round++) {
      const shared = phone(round, 1);
      const results = await Promise.allSettled([
        saveRegistryRecord(deps, 'crews', crewWithLeader(world, `A${round}`, shared, phone(round, 2)), 'admin-a'),
        saveRegistryRecord(deps, 'crews', crewWithLeader(world, `B${round}`, phone(round, 3), shared), 'admin-b'),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    }
    expect(await phoneProblems(world)).toEqual([]);
  });

  it(`never lets the duty officer's new phone and a crew's new phone be the same, in each of ${ROUNDS} rounds`, async () => {
    const world = await plannerWorld();
    const deps = { ...world.deps, registryAdmin: world.deps.registry };
    for (let round = 1; round <= ROUNDS; round++) {
      const shared = phone(round, 1);
      const plan = await world.deps.registry.getPlan();
      await Promise.allSettled([
        saveCityPlan(deps, { ...plan, dutyOfficerPhone: shared }, 'admin-a'),
        saveRegistryRecord(deps, 'crews', crewWithLeader(world, `O${round}`, shared, phone(round, 2)), 'admin-b'),
      ]);
      const officer = (await world.deps.registry.getPlan()).dutyOfficerPhone;
      expect(await world.deps.registry.findCrewByPhone(officer)).toBeUndefined();
    }
  });
});
