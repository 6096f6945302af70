import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ReadyPlan } from '../../../functions/core/operations/ReadyPlan.ts';
import type { Team } from '../../../functions/core/planner/PlanTypes.ts';
import { SUBJECTS } from '../support/subjects.ts';
import { AT } from '../support/records.ts';

const LATER = '2026-12-14T00:15:00.000Z';

/** A road name that does not compress away: a real city's names and ids vary as much. */
const noise = (n: number, i: number) => createHash('sha512').update(`${n}/${i}`).digest('base64');

function team(n: number, tasks: number): Team {
  return {
    crewId: `C${n}`, vehicleId: `V${n}`, vehicleLabel: `豫H-${n}`, vehicleClass: 'spreader', depot: 'depot', lent: false,
    tasks: Array.from({ length: tasks }, (_, i) => ({
      roadId: `R${n}-${i}`, roadName: `解放路第${i}段高架桥匝道 ${noise(n, i)}${noise(i, n)}`, zoneId: 'z1', tier: 1 as const, pass: 'spreader' as const, laneKm: 2.5, sequence: i + 1,
      startBy: '2026-12-14T01:00:00.000Z', passableAt: '2026-12-14T02:00:00.000Z', travelKm: 1.2,
    })),
  };
}

function plan(teams: Team[], overrides: Partial<ReadyPlan> = {}): ReadyPlan {
  return { zoneLevels: { z1: 'II' }, inputKey: 'a1b2c3d4e5f6a7b8', madeAt: AT, checkedAt: AT, startAt: '2026-12-14T00:30:00.000Z', teams, shortfalls: [], ...overrides };
}

describe.each(SUBJECTS)('ReadyPlans: $name', ({ make }) => {
  it('has no plan until one is saved, then gives it back as saved', async () => {
    const w = await make();
    const saved = plan([team(1, 3), team(2, 2)], { shortfalls: [{ roadId: 'R9', roadName: '胜利街', zoneId: 'z1', tier: 2, pass: 'plough', laneKm: 1, reason: 'no certified crew free' }] });
    const before = await w.readyPlans.getReadyPlan();
    await w.readyPlans.saveReadyPlan(saved);
    expect({ before, after: await w.readyPlans.getReadyPlan() }).toEqual({ before: undefined, after: saved });
  });

  it('replaces the plan with a newer one', async () => {
    const w = await make();
    await w.readyPlans.saveReadyPlan(plan([team(1, 3)]));
    const newer = plan([team(2, 1)], { inputKey: 'ffff0000ffff0000', madeAt: LATER, checkedAt: LATER });
    await w.readyPlans.saveReadyPlan(newer);
    expect(await w.readyPlans.getReadyPlan()).toEqual(newer);
  });

  it('keeps the newer plan when an older one is saved after it (a slower run)', async () => {
    const w = await make();
    const newer = plan([team(2, 1)], { inputKey: 'ffff0000ffff0000', madeAt: LATER, checkedAt: LATER });
    await w.readyPlans.saveReadyPlan(newer);
    await w.readyPlans.saveReadyPlan(plan([team(1, 3)]));
    expect(await w.readyPlans.getReadyPlan()).toEqual(newer);
  });

  it('keeps a city-sized plan whole, larger than one DynamoDB item (400 KB) even compressed', async () => {
    const w = await make();
    const big = plan(Array.from({ length: 300 }, (_, n) => team(n, 12)));
    await w.readyPlans.saveReadyPlan(big);
    expect(gzipSync(JSON.stringify(big)).length).toBeGreaterThan(400_000);
    expect(await w.readyPlans.getReadyPlan()).toEqual(big);
  });

  it('records a poll\'s confirmation on the plan made from the same input, and on no other', async () => {
    const w = await make();
    await w.readyPlans.saveReadyPlan(plan([team(1, 3)]));
    const other = await w.readyPlans.confirmReadyPlan('0000000000000000', LATER);
    const same = await w.readyPlans.confirmReadyPlan('a1b2c3d4e5f6a7b8', LATER);
    expect({ other, same, checkedAt: (await w.readyPlans.getReadyPlan())?.checkedAt }).toEqual({ other: false, same: true, checkedAt: LATER });
  });

  it('confirms nothing when no plan is kept', async () => {
    const w = await make();
    expect(await w.readyPlans.confirmReadyPlan('a1b2c3d4e5f6a7b8', LATER)).toBe(false);
  });

  it('has no plan once it is cleared', async () => {
    const w = await make();
    await w.readyPlans.saveReadyPlan(plan([team(1, 3)]));
    await w.readyPlans.clearReadyPlan();
    expect(await w.readyPlans.getReadyPlan()).toBeUndefined();
  });
});
