import { afterEach, describe, expect, it } from 'vitest';
import { planActivationWave } from '../../../functions/core/activation/planActivationWave.ts';
import { PLANNING_RUN_MS } from '../../../functions/core/activation/resumePlanning.ts';
import { pollAndDispatch } from '../../../functions/core/poll/pollAndDispatch.ts';
import { keepReadyOnRequest } from '../../../functions/core/readiness/keepReadyOnRequest.ts';
import { openMeteoBody, snowCm } from '../../support/weather/openMeteoBody.ts';
import { pollerWithWorker } from '../../support/weather/pollHarness.ts';

const answer = (cm: number[]) => ({ status: 200, body: JSON.stringify(openMeteoBody(cm)) });
// 6.3 mm of snow water in 12 h from the next hour: level III (CMA yellow). 20 mm in 6 h: level I (red).
const LEVEL_III = answer(snowCm(4.41, 12, 1));
const LEVEL_I = answer(snowCm(14, 6, 1));
// A level II storm beginning 16 hours ahead: beyond the demo plan's 12-hour lead time (a watch).
const LEVEL_II_LATER = answer(snowCm(8, 6, 16));
const DRY = answer(snowCm(0, 1));

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

/** The demo city on the twins, polled with a planning worker whose requests are kept (the queue) and a dispatch whose requests are counted. */
async function pollerAndWorker() {
  const h = await pollerWithWorker();
  close = h.close;
  return h;
}

describe('the poller hands its activation\'s waves to the planning worker (use cases on the in-memory twins)', () => {
  it('opens the activation with its first wave planning and hands the wave over, booking and dispatching nothing itself', async () => {
    const { deps, server, requested, dispatched } = await pollerAndWorker();
    server.script('/v1/forecast', [LEVEL_III]);

    const polled = await pollAndDispatch(deps);

    const activation = polled.activation?.activation;
    expect({ decision: polled.decision, outcome: polled.activation?.outcome }).toEqual({ decision: 'activated', outcome: 'handed' });
    expect(await deps.activations.getActivation(activation?.id ?? '')).toMatchObject({ status: 'open', level: 'III', wave: 1, plannedWave: 0, progress: { wave: 1, phase: 'planning' } });
    expect(requested).toEqual([{ activationId: activation?.id, wave: 1 }]);
    expect(await deps.tasks.listTasks(activation?.id ?? '')).toEqual([]);
    expect(dispatched).toEqual([]);
  });

  it('the worker then books the roads in scope and texts each crew once', async () => {
    const { deps, server, requested, worker } = await pollerAndWorker();
    server.script('/v1/forecast', [LEVEL_III]);
    await pollAndDispatch(deps);

    const outcome = await planActivationWave(worker, requested[0]!);

    const tasks = await deps.tasks.listTasks(requested[0]!.activationId);
    expect(outcome.outcome).toBe('active');
    expect(tasks.length).toBeGreaterThan(0);
    // A tasking's key is <activation>#<crew>#w<wave>#<first code>#a<attempt>; the duty officer's notices have others.
    const taskings = deps.sms.sent.filter((s) => s.idempotencyKey.startsWith(`${requested[0]!.activationId}#`) && /#w1#[^#]+#a\d+$/.test(s.idempotencyKey));
    expect(taskings).toHaveLength(new Set(tasks.map((t) => t.crewId)).size);
  });

  it('an upgrade from the forecast is recorded under a new wave and handed over with what it was upgraded from', async () => {
    const { deps, server, clock, requested, worker } = await pollerAndWorker();
    server.script('/v1/forecast', [LEVEL_III]);
    await pollAndDispatch(deps);
    await planActivationWave(worker, requested[0]!);
    server.script('/v1/forecast', [LEVEL_I]);
    clock.advance(15);

    const polled = await pollAndDispatch(deps);

    const id = requested[0]!.activationId;
    expect({ decision: polled.decision, outcome: polled.upgrade?.outcome }).toEqual({ decision: 'upgraded', outcome: 'handed' });
    expect(requested[1]).toMatchObject({ activationId: id, wave: 2, upgradedFrom: { level: 'III', wave: 1 } });
    expect(await deps.activations.getActivation(id)).toMatchObject({ level: 'I', wave: 2, plannedWave: 1, progress: { wave: 2, phase: 'planning' } });
    expect((await deps.tasks.listTasks(id)).every((t) => t.wave === 1)).toBe(true);
  });

  it('a wave the worker never planned is handed over again once a planning run would have ended, and not again while that run may be live', async () => {
    const { deps, server, clock, requested } = await pollerAndWorker();
    server.script('/v1/forecast', [LEVEL_III]);
    await pollAndDispatch(deps);
    clock.advance(15);
    await pollAndDispatch(deps);
    clock.advance(PLANNING_RUN_MS / 60_000);
    await pollAndDispatch(deps);
    clock.advance(15);

    await pollAndDispatch(deps);

    const id = requested[0]!.activationId;
    expect(requested).toEqual([{ activationId: id, wave: 1 }, { activationId: id, wave: 1 }]);
    expect((await deps.log.list(id)).filter((e) => e.action === 'activation.planning-resumed').map((e) => e.details.handedToPlanner)).toEqual([true]);
    expect(await deps.tasks.listTasks(id)).toEqual([]);
  });
});

describe('the poller hands the plan kept ready on watch to the planning worker (use cases on the in-memory twins)', () => {
  it('while zones are on watch, the poll hands the plan over and makes none itself', async () => {
    const { deps, server, clock, readyRequested } = await pollerAndWorker();
    server.script('/v1/forecast', [LEVEL_II_LATER]);

    const polled = await pollAndDispatch(deps);

    expect({ decision: polled.decision, ready: polled.ready }).toEqual({ decision: 'watch', ready: { outcome: 'handed' } });
    expect(readyRequested).toEqual([{ requestedAt: clock.now().toISOString() }]);
    expect(await deps.readyPlans.getReadyPlan()).toBeUndefined();
  });

  it('the worker makes the plan from the zone states the poll saved, logged as the planner\'s', async () => {
    const { deps, server, readyRequested, worker } = await pollerAndWorker();
    server.script('/v1/forecast', [LEVEL_II_LATER]);
    await pollAndDispatch(deps);

    const outcome = await keepReadyOnRequest(worker, readyRequested[0]!);

    const ready = await deps.readyPlans.getReadyPlan();
    expect(outcome).toMatchObject({ outcome: 'made', teams: ready?.teams.length });
    expect(Object.values(ready?.zoneLevels ?? {})).toContain('II');
    expect((await deps.log.list('system')).filter((e) => e.action === 'ready-plan.made').map((e) => e.actor)).toEqual(['planner']);
  });

  it('the worker makes no plan once an activation has opened since the request', async () => {
    const { deps, server, clock, readyRequested, worker } = await pollerAndWorker();
    server.script('/v1/forecast', [LEVEL_II_LATER]);
    await pollAndDispatch(deps);
    server.script('/v1/forecast', [LEVEL_III]);
    clock.advance(15);
    await pollAndDispatch(deps);

    const outcome = await keepReadyOnRequest(worker, readyRequested[0]!);

    expect(outcome.outcome).toBe('stale');
    expect(await deps.readyPlans.getReadyPlan()).toBeUndefined();
  });

  it('when the watch ends, the poll hands the plan over again and the worker drops it', async () => {
    const { deps, server, clock, readyRequested, worker } = await pollerAndWorker();
    server.script('/v1/forecast', [LEVEL_II_LATER]);
    await pollAndDispatch(deps);
    await keepReadyOnRequest(worker, readyRequested[0]!);
    server.script('/v1/forecast', [DRY]);
    clock.advance(15);

    const polled = await pollAndDispatch(deps);
    const outcome = await keepReadyOnRequest(worker, readyRequested[1]!);

    expect({ ready: polled.ready, handed: readyRequested.length, outcome }).toEqual({ ready: { outcome: 'handed' }, handed: 2, outcome: { outcome: 'dropped' } });
    expect(await deps.readyPlans.getReadyPlan()).toBeUndefined();
  });
});
