import { describe, expect, it } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { activateOnRequest } from '../../../functions/core/activation/activateOnRequest.ts';
import { planActivationWave } from '../../../functions/core/activation/planActivationWave.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import type { ResponseLevel } from '../../../functions/core/levels/ResponseLevel.ts';
import type { ZoneState } from '../../../functions/core/operations/ZoneState.ts';
import type { PlanningRequest } from '../../../functions/core/ports/PlanningRequests.ts';
import { keepReadyPlan } from '../../../functions/core/readiness/keepReadyPlan.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';

/** The demo city on the twins, every zone on watch for level II (snow beyond the lead time), a plan kept ready for it. */
async function readyCity() {
  const city = await demoCityInMemory();
  const zoneIds = city.city.zones.map((z) => z.id);
  const at = city.clock.now().toISOString();
  const states: ZoneState[] = zoneIds.map((zoneId) => ({ zoneId, level: 'none', evidence: [], provider: 'open-meteo', lastSuccessAt: at, lastPollAt: at, lastError: null, watch: true, watchLevel: 'II' }));
  await keepReadyPlan(city.deps, states);
  const ready = (await city.deps.readyPlans.getReadyPlan())!;
  return { ...city, zoneIds, ready };
}

const levels = (zoneIds: string[], level: ResponseLevel, overrides: Record<string, ResponseLevel> = {}) => ({ ...Object.fromEntries(zoneIds.map((z) => [z, level])), ...overrides });
const snowCame = (zoneLevels: Record<string, ResponseLevel>) => ({ level: 'II' as const, zoneLevels, actor: 'poller', reason: 'snow within the lead time', evidence: [] });

async function activated(deps: Parameters<typeof activate>[0], zoneLevels: Record<string, ResponseLevel>) {
  const result = await activate(deps, snowCame(zoneLevels));
  if (result.outcome !== 'activated') throw new Error(`expected an activation, got ${result.outcome}`);
  const log = await deps.log.list(result.activation.id);
  return { ...result, log, note: log.find((e) => e.action === 'activation.plan-repaired' || e.action === 'activation.planned-cold') };
}

describe('an activation repairs the plan kept ready on watch instead of planning from nothing (use cases on the in-memory twins)', () => {
  it('books the ready plan\'s teams as they are at the real start when nothing the planner reads changed, logs the repair with its counts, and uses the plan up', async () => {
    const { deps, zoneIds, ready, clock } = await readyCity();
    clock.advance(30);
    const { tasks, note } = await activated(deps, levels(zoneIds, 'II'));
    const bookedPairs = new Set(tasks.map((t) => `${t.crewId}+${t.vehicleId}`));
    expect(ready.teams.every((t) => bookedPairs.has(`${t.crewId}+${t.vehicleId}`))).toBe(true);
    expect(note).toMatchObject({ action: 'activation.plan-repaired', details: { from: 'routes kept', zonesChanged: 0, keptTeams: ready.teams.length, droppedTeams: 0, droppedTasks: 0, newTasks: 0 } });
    expect(tasks.every((t) => Date.parse(t.startBy) >= clock.now().getTime())).toBe(true);
    expect(await deps.readyPlans.getReadyPlan()).toBeUndefined();
  });

  it('drops the team whose vehicle went to maintenance since, and covers its roads with what is free or reports them short', async () => {
    const { deps, zoneIds, ready, registryData } = await readyCity();
    const gone = ready.teams[0]!;
    registryData.vehicles = registryData.vehicles.map((v) => (v.id === gone.vehicleId ? { ...v, status: 'maintenance' as const } : v));
    const { tasks, shortfalls, note } = await activated(deps, levels(zoneIds, 'II'));
    const accounted = new Set([...tasks, ...shortfalls].map((t) => `${t.roadId}#${t.pass}`));
    expect(note).toMatchObject({ action: 'activation.plan-repaired', details: { from: 'searched from the plan kept', droppedTeams: 1, keptTeams: ready.teams.length - 1 } });
    expect(tasks.some((t) => t.vehicleId === gone.vehicleId)).toBe(false);
    expect(gone.tasks.filter((t) => !accounted.has(`${t.roadId}#${t.pass}`))).toEqual([]);
  });

  it('plans the passes a zone\'s higher level brings in beside the teams kept', async () => {
    const { deps, zoneIds, ready } = await readyCity();
    const upgraded = zoneIds[0]!;
    const { note, tasks, shortfalls } = await activated(deps, levels(zoneIds, 'II', { [upgraded]: 'I' }));
    expect(note).toMatchObject({ action: 'activation.plan-repaired', details: { from: 'searched from the plan kept', zonesChanged: 1 } });
    expect(tasks.length + shortfalls.length).toBeGreaterThan(ready.teams.reduce((n, t) => n + t.tasks.length, 0) + ready.shortfalls.length);
  });

  it('plans cold, and says so, when no plan was kept (no watch before the snow)', async () => {
    const city = await demoCityInMemory();
    const { tasks, note } = await activated(city.deps, levels(city.city.zones.map((z) => z.id), 'II'));
    expect(tasks.length).toBeGreaterThan(0);
    expect(note).toMatchObject({ action: 'activation.planned-cold', reason: expect.stringContaining('no plan was kept ready') });
  });

  it('plans cold when the plan kept was not confirmed by a poll for longer than three polls', async () => {
    const { deps, zoneIds, clock } = await readyCity();
    clock.advance(46);
    const { note } = await activated(deps, levels(zoneIds, 'II'));
    expect(note).toMatchObject({ action: 'activation.planned-cold', reason: expect.stringContaining('stale') });
  });

  it('searches again from the plan kept, less the teams whose vehicles went, when the registry changed since it was made', async () => {
    const { deps, zoneIds, ready, registryData } = await readyCity();
    const tier1Teams = ready.teams.filter((t) => t.tasks.some((p) => p.tier === 1));
    const gone = new Set(tier1Teams.map((t) => t.vehicleId));
    registryData.vehicles = registryData.vehicles.map((v) => (gone.has(v.id) ? { ...v, status: 'maintenance' as const } : v));
    const { note, tasks, shortfalls } = await activated(deps, levels(zoneIds, 'II'));
    const accounted = new Set([...tasks, ...shortfalls].map((t) => `${t.roadId}#${t.pass}`));
    expect(note).toMatchObject({ action: 'activation.plan-repaired', details: { from: 'searched from the plan kept', droppedTeams: tier1Teams.length, keptTeams: ready.teams.length - tier1Teams.length } });
    expect(tasks.some((t) => gone.has(t.vehicleId))).toBe(false);
    expect(tier1Teams.flatMap((t) => t.tasks).filter((t) => !accounted.has(`${t.roadId}#${t.pass}`))).toEqual([]);
  });

  it('an officer\'s activation, planned by the worker, repairs the plan kept ready too', async () => {
    const { deps: base, ready } = await readyCity();
    const requested: PlanningRequest[] = [];
    const deps = { ...base, dispatch: new InlineDispatch(base), planning: { request: async (r: PlanningRequest) => { requested.push(r); } } };
    const activation = await activateOnRequest(deps, { level: 'II', actor: 'officer-demo', reason: 'CMA orange blizzard warning' });
    await planActivationWave(deps, requested[0]!);
    const note = (await deps.log.list(activation.id)).find((e) => e.action === 'activation.plan-repaired');
    expect(note).toMatchObject({ details: { keptTeams: ready.teams.length, droppedTeams: 0 } });
    expect(await deps.readyPlans.getReadyPlan()).toBeUndefined();
  });
});
