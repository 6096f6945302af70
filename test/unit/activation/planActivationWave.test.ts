import { describe, expect, it, vi } from 'vitest';
import { activateOnRequest } from '../../../functions/core/activation/activateOnRequest.ts';
import { InProcessPlanning } from '../../../functions/core/activation/InProcessPlanning.ts';
import { planActivationWave } from '../../../functions/core/activation/planActivationWave.ts';
import { PLANNING_RUN_MS, POLL_RUN_MS, resumePlanning } from '../../../functions/core/activation/resumePlanning.ts';
import { upgradeOnRequest } from '../../../functions/core/activation/upgradeOnRequest.ts';
import { openActivation } from '../../../functions/core/activation/openActivation.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import { ConflictError } from '../../../functions/core/errors/ConflictError.ts';
import type { PlanningRequest } from '../../../functions/core/ports/PlanningRequests.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';

/** The demo city on the twins, with planning requests kept (the queue) instead of run. */
async function officerCity() {
  const city = await demoCityInMemory();
  const requested: PlanningRequest[] = [];
  const dispatch = new InlineDispatch(city.deps);
  const deps = { ...city.deps, dispatch, planning: { request: async (r: PlanningRequest) => { requested.push(r); } } };
  return { ...city, deps, requested };
}

const ACTIVATE = { level: 'II' as const, actor: 'officer-demo', reason: 'CMA orange blizzard warning' };

describe('an officer\'s activation, planned off the request (use cases on the in-memory twins)', () => {
  it('opens the activation with its first wave planning and hands the wave to the planner, booking nothing itself', async () => {
    const { deps, requested } = await officerCity();
    const activation = await activateOnRequest(deps, ACTIVATE);
    expect(activation).toMatchObject({ status: 'open', wave: 1, plannedWave: 0, progress: { wave: 1, phase: 'planning' } });
    expect(requested).toEqual([{ activationId: activation.id, wave: 1 }]);
    expect(await deps.tasks.listTasks(activation.id)).toEqual([]);
  });

  it('the planner books the roads in scope, sends the wave and records the activation active with what it booked', async () => {
    const { deps, requested } = await officerCity();
    const activation = await activateOnRequest(deps, ACTIVATE);
    const outcome = await planActivationWave(deps, requested[0]!);
    const tasks = await deps.tasks.listTasks(activation.id);
    const stored = await deps.activations.getActivation(activation.id);
    expect(outcome.outcome).toBe('active');
    expect(tasks.length).toBeGreaterThan(0);
    expect(stored).toMatchObject({ plannedWave: 1, progress: { wave: 1, phase: 'active', booked: { tasks: tasks.length, crews: new Set(tasks.map((t) => t.crewId)).size }, dispatch: { mode: 'sent' } } });
    expect(deps.sms.sent).toHaveLength(new Set(tasks.map((t) => t.crewId)).size);
  });

  it('a redelivered request for a wave already planned books nothing more and sends no SMS twice', async () => {
    const { deps, requested } = await officerCity();
    const activation = await activateOnRequest(deps, ACTIVATE);
    await planActivationWave(deps, requested[0]!);
    const tasksBefore = (await deps.tasks.listTasks(activation.id)).length;
    const sentBefore = deps.sms.sent.length;
    const again = await planActivationWave(deps, requested[0]!);
    expect(again).toMatchObject({ outcome: 'active', tasks: { length: tasksBefore } });
    expect((await deps.tasks.listTasks(activation.id)).length).toBe(tasksBefore);
    expect(deps.sms.sent.length).toBe(sentBefore);
  });

  it('a run that died after booking but before dispatch is finished by the next: the booked tasks are sent', async () => {
    const { deps, requested } = await officerCity();
    const activation = await activateOnRequest(deps, ACTIVATE);
    const crashing = { ...deps, dispatch: { request: async () => { throw new Error('Lambda timed out'); } } };
    await expect(planActivationWave(crashing, requested[0]!)).rejects.toThrow('Lambda timed out');
    const again = await planActivationWave(deps, requested[0]!);
    const tasks = await deps.tasks.listTasks(activation.id);
    expect(again.outcome).toBe('active');
    expect(tasks.every((t) => t.state === 'dispatched')).toBe(true);
    expect(deps.sms.sent).toHaveLength(new Set(tasks.map((t) => t.crewId)).size);
  });

  it('when the planning fails, the activation is closed with the reason and no booking left, so that the officer can activate again', async () => {
    const { deps, requested } = await officerCity();
    const activation = await activateOnRequest(deps, ACTIVATE);
    vi.spyOn(deps.registry, 'listVehicles').mockRejectedValueOnce(new Error('registry unreadable: throttled'));
    const outcome = await planActivationWave(deps, requested[0]!);
    expect(outcome).toEqual({ outcome: 'failed', reason: 'registry unreadable: throttled' });
    expect(await deps.activations.getActivation(activation.id)).toMatchObject({ status: 'stood-down', progress: { wave: 1, phase: 'failed', reason: 'registry unreadable: throttled', reasonCode: { code: 'wave-failed', params: { wave: 1, level: 'II', then: 'closed', error: 'registry unreadable: throttled' } } } });
    expect(await deps.tasks.listTasks(activation.id)).toEqual([]);
    expect((await activateOnRequest(deps, ACTIVATE)).id).not.toBe(activation.id);
  });

  it('does nothing for a wave the activation has moved past', async () => {
    const { deps, requested } = await officerCity();
    const activation = await activateOnRequest(deps, ACTIVATE);
    await planActivationWave(deps, requested[0]!);
    await upgradeOnRequest(deps, { activationId: activation.id, level: 'I', actor: 'officer-demo', reason: 'red warning' });
    expect(await planActivationWave(deps, { activationId: activation.id, wave: 1 })).toEqual({ outcome: 'stale' });
  });
});

describe('an officer\'s upgrade, planned off the request (use cases on the in-memory twins)', () => {
  async function activeCity() {
    const city = await officerCity();
    const activation = await activateOnRequest(city.deps, ACTIVATE);
    await planActivationWave(city.deps, city.requested[0]!);
    return { ...city, activation };
  }

  it('records the upgrade under wave 2, planning, and hands that wave with what it was upgraded from to the planner', async () => {
    const { deps, requested, activation } = await activeCity();
    const raised = await upgradeOnRequest(deps, { activationId: activation.id, level: 'I', actor: 'officer-demo', reason: 'red warning' });
    expect(raised).toMatchObject({ level: 'I', wave: 2, progress: { wave: 2, phase: 'planning' } });
    expect(requested[1]).toMatchObject({ activationId: activation.id, wave: 2, upgradedFrom: { level: 'II', wave: 1 } });
    expect((await deps.tasks.listTasks(activation.id)).every((t) => t.wave === 1)).toBe(true);
  });

  it('refuses a second upgrade while the last wave is still being planned', async () => {
    const { deps, activation } = await activeCity();
    await upgradeOnRequest(deps, { activationId: activation.id, level: 'I', actor: 'officer-demo', reason: 'red warning' });
    await expect(upgradeOnRequest(deps, { activationId: activation.id, level: 'I', zoneLevels: {}, actor: 'officer-demo', reason: 'again' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('an upgrade whose planning fails is taken back to the level and wave it came from', async () => {
    const { deps, requested, activation } = await activeCity();
    await upgradeOnRequest(deps, { activationId: activation.id, level: 'I', actor: 'officer-demo', reason: 'red warning' });
    vi.spyOn(deps.registry, 'listVehicles').mockRejectedValueOnce(new Error('registry unreadable: throttled'));
    const outcome = await planActivationWave(deps, requested[1]!);
    expect(outcome.outcome).toBe('failed');
    expect(await deps.activations.getActivation(activation.id)).toMatchObject({ status: 'open', level: 'II', wave: 1, progress: { wave: 2, phase: 'failed', reasonCode: { code: 'wave-failed', params: { wave: 2, level: 'I', then: 'lowered' } } } });
    expect((await deps.log.list(activation.id)).map((e) => e.action)).toContain('activation.upgrade-undone');
  });
});

describe('resumePlanning and in-process planning', () => {
  it('the poller finishes a wave whose planner never ran, once a planning run would have ended, and leaves a younger one alone', async () => {
    const { deps, clock, activation } = await (async () => {
      const city = await officerCity();
      return { ...city, activation: await activateOnRequest(city.deps, ACTIVATE) };
    })();
    const young = await resumePlanning(deps, activation);
    clock.advance(PLANNING_RUN_MS / 60_000 + 1);
    const resumed = await resumePlanning(deps, (await deps.activations.getActivation(activation.id))!);
    expect(young).toBeUndefined();
    expect(resumed?.outcome).toBe('active');
    expect((await deps.tasks.listTasks(activation.id)).length).toBeGreaterThan(0);
  });

  it('the poller finishes a wave its own run left unplanned once a poller run would have ended, while a worker\'s wave still waits', async () => {
    const byPoller = await officerCity();
    const byWorker = await officerCity();
    const { activation: pollers } = await openActivation(byPoller.deps, { ...ACTIVATE, zoneLevels: {}, actor: 'poller', evidence: [] });
    const workers = await activateOnRequest(byWorker.deps, ACTIVATE);
    byPoller.clock.advance(POLL_RUN_MS / 60_000 + 1);
    byWorker.clock.advance(POLL_RUN_MS / 60_000 + 1);
    const resumed = await resumePlanning(byPoller.deps, pollers);
    const waiting = await resumePlanning(byWorker.deps, workers);
    expect(resumed?.outcome).toBe('active');
    expect(waiting).toBeUndefined();
  });

  it('InProcessPlanning answers before the wave is planned and idle() waits for it', async () => {
    const city = await officerCity();
    const planning = new InProcessPlanning({ ...city.deps }, () => {});
    const activation = await activateOnRequest({ ...city.deps, planning }, ACTIVATE);
    const atAnswer = (await city.deps.activations.getActivation(activation.id))?.progress?.phase;
    await planning.idle();
    expect(atAnswer).toBe('planning');
    expect((await city.deps.activations.getActivation(activation.id))?.progress?.phase).toBe('active');
  });
});
