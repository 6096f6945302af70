import { describe, expect, it } from 'vitest';
import { planActivationWave } from '../../../functions/core/activation/planActivationWave.ts';
import { upgradeLevel } from '../../../functions/core/activation/upgradeLevel.ts';
import { activateOnRequest } from '../../../functions/core/activation/activateOnRequest.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import { RuleViolationError } from '../../../functions/core/errors/RuleViolationError.ts';
import { OPEN_TASK_STATES, type Task } from '../../../functions/core/operations/Task.ts';
import type { ZoneState } from '../../../functions/core/operations/ZoneState.ts';
import type { PlanningRequest } from '../../../functions/core/ports/PlanningRequests.ts';
import { startPreTreatment } from '../../../functions/core/pretreatment/startPreTreatment.ts';
import { keepReadyPlan } from '../../../functions/core/readiness/keepReadyPlan.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';

const HOUR_MS = 3_600_000;
const WATCHED = ['jiefang', 'shanyang'];
const REQUEST = { actor: 'officer-demo', reason: 'blizzard forecast for tonight: pre-treat' };

/** The demo city on the twins: two zones on watch for level II, snow forecast `snowInH` hours ahead; planning requests kept (the queue). */
async function watchedCity(snowInH = 14) {
  const city = await demoCityInMemory();
  const now = city.clock.now();
  const at = now.toISOString();
  const snowAt = new Date(now.getTime() + snowInH * HOUR_MS).toISOString();
  for (const zone of city.city.zones) {
    const watch = WATCHED.includes(zone.id);
    const state: ZoneState = {
      zoneId: zone.id, level: 'none', provider: 'open-meteo', lastSuccessAt: at, lastPollAt: at, lastError: null, watch, watchLevel: watch ? 'II' : 'none',
      evidence: watch ? [{ rule: 'blizzard-6h', level: 'II', provider: 'open-meteo', value: 12.9, threshold: 10, unit: 'mm', windowHours: 6, from: snowAt, to: new Date(Date.parse(snowAt) + 6 * HOUR_MS).toISOString(), gapHours: 0, startsAt: snowAt, watch: true }] : [],
    };
    await city.deps.zoneStates.putZoneState(state);
  }
  const requested: PlanningRequest[] = [];
  const deps = { ...city.deps, dispatch: new InlineDispatch(city.deps), planning: { request: async (r: PlanningRequest) => { requested.push(r); } } };
  return { ...city, deps, requested, snowAt };
}

/** Starts the pre-treatment and runs its planning request as the worker would. */
async function preTreated(city: Awaited<ReturnType<typeof watchedCity>>) {
  const activation = await startPreTreatment(city.deps, REQUEST);
  const outcome = await planActivationWave(city.deps, city.requested[0]!);
  return { activation, outcome, tasks: await city.deps.tasks.listTasks(activation.id) };
}

const openTasks = (tasks: readonly Task[]) => tasks.filter((t) => OPEN_TASK_STATES.includes(t.state));

describe('the pre-treatment wave, started by a duty officer while zones are on watch (use cases on the in-memory twins)', () => {
  it('opens an activation at the watch level whose first wave is the pre-treatment, at staging an hour before the snow, and hands it to the planner', async () => {
    const city = await watchedCity();
    const activation = await startPreTreatment(city.deps, REQUEST);
    expect(activation).toMatchObject({
      status: 'open', level: 'II', wave: 1, plannedWave: 0, progress: { phase: 'planning' },
      zoneLevels: { jiefang: 'none', shanyang: 'none', zhongzhan: 'none', macun: 'none' },
      preTreatment: { wave: 1, zoneLevels: { jiefang: 'II', shanyang: 'II' }, snowAt: city.snowAt, stagingAt: new Date(Date.parse(city.snowAt) - HOUR_MS).toISOString() },
    });
    expect(city.requested).toEqual([{ activationId: activation.id, wave: 1 }]);
    expect((await city.deps.log.list(activation.id)).map((e) => e.action)).toEqual(['activation.opened', 'pretreatment.started']);
  });

  it('books spreaders only, on the tier-1 roads of the zones on watch where agent is allowed, starting at staging', async () => {
    const city = await watchedCity();
    const noAgent = city.registryData.roads.find((r) => r.tier === 1 && r.zoneId === 'jiefang')!;
    city.registryData.roads = city.registryData.roads.map((r) => (r.id === noAgent.id ? { ...r, agentAllowed: false } : r));
    const { outcome, tasks, activation } = await preTreated(city);
    const roads = new Map(city.registryData.roads.map((r) => [r.id, r]));
    const vehicles = new Map(city.registryData.vehicles.map((v) => [v.id, v]));
    expect(outcome.outcome).toBe('active');
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.pass === 'spreader' && t.tier === 1 && roads.get(t.roadId)!.agentAllowed && WATCHED.includes(t.zoneId))).toBe(true);
    expect(tasks.some((t) => t.roadId === noAgent.id)).toBe(false);
    expect(tasks.every((t) => vehicles.get(t.vehicleId)!.class === 'spreader' && vehicles.get(t.vehicleId)!.status === 'ready')).toBe(true);
    expect(tasks.every((t) => Date.parse(t.startBy) >= Date.parse(activation.preTreatment!.stagingAt))).toBe(true);
  });

  it('books each crew and vehicle once and texts each crew leader once, through the same dispatch, even when the request comes again', async () => {
    const city = await watchedCity();
    const { tasks } = await preTreated(city);
    await planActivationWave(city.deps, city.requested[0]!);
    const crews = new Set(tasks.map((t) => t.crewId));
    const teams = new Set(tasks.map((t) => `${t.crewId}+${t.vehicleId}`));
    expect(teams.size).toBe(crews.size);
    expect(new Set(tasks.map((t) => t.vehicleId)).size).toBe(crews.size);
    expect((await city.deps.tasks.listTasks(tasks[0]!.activationId)).length).toBe(tasks.length);
    expect(city.deps.sms.sent).toHaveLength(crews.size);
    expect(tasks.every((t) => t.state === 'planned' || t.state === 'dispatched')).toBe(true);
  });

  it('starts staging no sooner than the plan\'s lead time when the snow is nearer than an hour past it', async () => {
    const city = await watchedCity(0.5);
    const activation = await startPreTreatment(city.deps, REQUEST);
    expect(activation.preTreatment!.stagingAt).toBe(new Date(city.clock.now().getTime() + city.city.plan.startLeadMinutes * 60_000).toISOString());
  });

  it('refuses while an activation is open, naming it', async () => {
    const city = await watchedCity();
    const open = await activateOnRequest(city.deps, { level: 'II', actor: 'officer-demo', reason: 'snow' });
    await expect(startPreTreatment(city.deps, REQUEST)).rejects.toMatchObject({
      name: 'ConflictError', message: `activation ${open.id} is already open at level II (opened ${open.openedAt} by officer-demo): its waves cover the roads in scope`, details: { activationId: open.id },
    });
  });

  it('refuses when no zone is on watch', async () => {
    const city = await watchedCity();
    for (const s of await city.deps.zoneStates.getZoneStates()) await city.deps.zoneStates.putZoneState({ ...s, watch: false, watchLevel: 'none', evidence: [] });
    await expect(startPreTreatment(city.deps, REQUEST)).rejects.toThrow('no zone is on watch (snow forecast beyond the lead time): there is nothing to pre-treat');
  });

  it('refuses when a zone is already due, saying to activate instead', async () => {
    const city = await watchedCity();
    const jiefang = (await city.deps.zoneStates.getZoneStates()).find((s) => s.zoneId === 'jiefang')!;
    await city.deps.zoneStates.putZoneState({ ...jiefang, level: 'III' });
    await expect(startPreTreatment(city.deps, REQUEST)).rejects.toThrow('zone jiefang is at level III already: activate instead of pre-treating');
  });

  it('refuses when no tier-1 road of the zones on watch allows agent, saying where the registry says so', async () => {
    const city = await watchedCity();
    city.registryData.roads = city.registryData.roads.map((r) => ({ ...r, agentAllowed: r.tier === 1 && WATCHED.includes(r.zoneId) ? false : r.agentAllowed }));
    await expect(startPreTreatment(city.deps, REQUEST)).rejects.toThrow(new RuleViolationError('no tier-1 road in the zones on watch (jiefang, shanyang) allows de-icing agent in the registry (agentAllowed): there is nothing to pre-treat'));
  });
});

describe('when the snow comes after a pre-treatment (use cases on the in-memory twins)', () => {
  async function snowCame(city: Awaited<ReturnType<typeof watchedCity>>, activationId: string) {
    const open = (await city.deps.activations.getActivation(activationId))!;
    const upgrade = await upgradeLevel(city.deps, { activation: open, level: 'II', zoneLevels: { jiefang: 'II', shanyang: 'II' }, actor: 'poller', reason: 'snow within the lead time', evidence: [] });
    if (upgrade.outcome !== 'upgraded') throw new Error(`expected an upgrade, got ${upgrade.outcome}`);
    return upgrade;
  }

  it('the next wave plans the rest of the roads in scope, keeping the pre-treatment\'s tasks and passes, nobody booked twice', async () => {
    const city = await watchedCity();
    const { activation, tasks: pretreated } = await preTreated(city);
    city.clock.advance(13 * 60);
    const upgrade = await snowCame(city, activation.id);
    const all = await city.deps.tasks.listTasks(activation.id);
    const passes = all.map((t) => `${t.roadId}#${t.pass}`);
    const open = openTasks(all);
    expect(upgrade.tasks.length).toBeGreaterThan(0);
    expect(all.filter((t) => t.wave === 1).map((t) => t.id).sort()).toEqual(pretreated.map((t) => t.id).sort());
    expect(new Set(passes).size).toBe(passes.length);
    expect(upgrade.tasks.some((t) => t.pass !== 'spreader' || t.tier > 1)).toBe(true);
    const teamOf = new Map<string, string>();
    for (const t of open) {
      expect(teamOf.get(`crew:${t.crewId}`) ?? `${t.wave}`).toBe(`${t.wave}`);
      expect(teamOf.get(`vehicle:${t.vehicleId}`) ?? `${t.wave}`).toBe(`${t.wave}`);
      teamOf.set(`crew:${t.crewId}`, `${t.wave}`);
      teamOf.set(`vehicle:${t.vehicleId}`, `${t.wave}`);
    }
  });

  it('the next wave repairs the plan the poller kept ready during the pre-treatment, and uses it up', async () => {
    const city = await watchedCity();
    const { activation } = await preTreated(city);
    await keepReadyPlan(city.deps, await city.deps.zoneStates.getZoneStates());
    await snowCame(city, activation.id);
    const log = (await city.deps.log.list(activation.id)).map((e) => e.action);
    expect(log).toContain('activation.plan-repaired');
    expect(await city.deps.readyPlans.getReadyPlan()).toBeUndefined();
  });
});
