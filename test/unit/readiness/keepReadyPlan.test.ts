import { describe, expect, it } from 'vitest';
import type { ZoneState } from '../../../functions/core/operations/ZoneState.ts';
import { keepReadyPlan } from '../../../functions/core/readiness/keepReadyPlan.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';

/** Every zone of the demo city on watch for level II (snow beyond the lead time), none due yet. */
function onWatch(zoneIds: string[], at: string): ZoneState[] {
  return zoneIds.map((zoneId) => ({ zoneId, level: 'none', evidence: [], provider: 'open-meteo', lastSuccessAt: at, lastPollAt: at, lastError: null, watch: true, watchLevel: 'II' }));
}

async function watchedCity() {
  const city = await demoCityInMemory();
  const states = onWatch(city.city.zones.map((z) => z.id), city.clock.now().toISOString());
  return { ...city, states };
}

describe('a plan kept ready while zones are on watch (use cases on the in-memory twins)', () => {
  it('makes the plan for the level the forecast implies, booking nothing', async () => {
    const { deps, states } = await watchedCity();
    const outcome = await keepReadyPlan(deps, states);
    const ready = await deps.readyPlans.getReadyPlan();
    expect(outcome).toMatchObject({ outcome: 'made', teams: ready?.teams.length });
    expect(ready?.teams.length).toBeGreaterThan(0);
    expect(Object.values(ready!.zoneLevels)).toEqual(states.map(() => 'II'));
    expect((await deps.bookings.listBusy()).crewIds.size).toBe(0);
    expect((await deps.log.list('system')).map((e) => e.action)).toEqual(['ready-plan.made']);
  });

  it('keeps the plan as it is while nothing it was made from changed, recording the poll that checked it', async () => {
    const { deps, states, clock } = await watchedCity();
    await keepReadyPlan(deps, states);
    const first = await deps.readyPlans.getReadyPlan();
    clock.advance(15);
    const outcome = await keepReadyPlan(deps, states);
    const kept = await deps.readyPlans.getReadyPlan();
    expect(outcome).toEqual({ outcome: 'unchanged' });
    expect({ madeAt: kept?.madeAt, checkedAt: kept?.checkedAt }).toEqual({ madeAt: first?.madeAt, checkedAt: clock.now().toISOString() });
  });

  it('remakes the plan without a vehicle of the plan that went to maintenance', async () => {
    const { deps, states, clock, registryData } = await watchedCity();
    await keepReadyPlan(deps, states);
    const vehicleId = (await deps.readyPlans.getReadyPlan())!.teams[0]!.vehicleId;
    registryData.vehicles = registryData.vehicles.map((v) => (v.id === vehicleId ? { ...v, status: 'maintenance' as const } : v));
    clock.advance(15);
    const outcome = await keepReadyPlan(deps, states);
    expect(outcome.outcome).toBe('made');
    expect((await deps.readyPlans.getReadyPlan())!.teams.map((t) => t.vehicleId)).not.toContain(vehicleId);
  });

  it('remakes the plan when the start of work moves a crew\'s working window by an hour', async () => {
    // 08:00 local: work starts 08:30 and the day crews (07:00-19:00) can work the whole 8 h horizon. At 11:00 the
    // start is 11:30 and their shift ends 7.5 h after it: a plan made at 08:00 would give them work past 19:00.
    const { deps, states, clock } = await watchedCity();
    await keepReadyPlan(deps, states);
    clock.advance(180);
    const outcome = await keepReadyPlan(deps, states);
    const kept = await deps.readyPlans.getReadyPlan();
    expect({ outcome: outcome.outcome, madeAt: kept?.madeAt, startAt: kept?.startAt }).toEqual({ outcome: 'made', madeAt: clock.now().toISOString(), startAt: '2026-12-14T03:30:00.000Z' });
  });

  it('keeps the plan while the start of work moves within the crews\' working hours', async () => {
    // 08:00 to 08:45 local: every crew's window at the start stays the same in whole hours.
    const { deps, states, clock } = await watchedCity();
    await keepReadyPlan(deps, states);
    const outcomes = [];
    for (let poll = 0; poll < 3; poll++) {
      clock.advance(15);
      outcomes.push((await keepReadyPlan(deps, states)).outcome);
    }
    expect(outcomes).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('remakes the plan for the new level when the forecast upgrades the watch', async () => {
    const { deps, states } = await watchedCity();
    await keepReadyPlan(deps, states);
    await keepReadyPlan(deps, states.map((s) => ({ ...s, watchLevel: 'I' as const })));
    expect(Object.values((await deps.readyPlans.getReadyPlan())!.zoneLevels)).toEqual(states.map(() => 'I'));
  });

  it('drops the plan when nothing is forecast any more', async () => {
    const { deps, states } = await watchedCity();
    await keepReadyPlan(deps, states);
    const outcome = await keepReadyPlan(deps, states.map((s) => ({ ...s, watch: false, watchLevel: 'none' as const })));
    expect(outcome).toEqual({ outcome: 'dropped' });
    expect(await deps.readyPlans.getReadyPlan()).toBeUndefined();
  });

  it('keeps no plan when nothing is forecast', async () => {
    const { deps, states } = await watchedCity();
    const outcome = await keepReadyPlan(deps, states.map((s) => ({ ...s, watch: false, watchLevel: 'none' as const })));
    expect({ outcome, kept: await deps.readyPlans.getReadyPlan() }).toEqual({ outcome: { outcome: 'none' }, kept: undefined });
  });
});
