import type { Activation } from '../operations/Activation.ts';
import type { ActivationProgress } from '../operations/ActivationProgress.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchReceipt, DispatchRequests } from '../ports/DispatchRequests.ts';
import type { PlanningRequest } from '../ports/PlanningRequests.ts';
import { PlanningInterruptedError } from '../errors/PlanningInterruptedError.ts';
import { reasonCode } from '../text/ReasonCode.ts';
import { summariseBooked } from './summariseBooked.ts';
import { estimateWaveSms } from '../dispatch/estimateWaveSms.ts';
import type { WaveSms } from '../dispatch/WaveSms.ts';
import { planAndBook } from './planAndBook.ts';
import { startingPlan } from '../readiness/startingPlan.ts';
import { firstResponseWave } from '../pretreatment/preTreatmentInput.ts';

export type PlanningDeps = Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'activations' | 'bookings' | 'tasks' | 'shortfalls' | 'plannerBudget' | 'readyPlans' | 'smsPace'> & { dispatch: DispatchRequests };

export type WaveOutcome =
  | { outcome: 'active'; activation: Activation; tasks: Task[]; shortfalls: Shortfall[]; dispatch: DispatchReceipt }
  | { outcome: 'failed'; reason: string }
  /** The activation is gone, closed, or already on a later wave: nothing to do. */
  | { outcome: 'stale' };

/**
 * The worker's part of an officer's activation or upgrade: plans and books the roads in scope for the
 * wave, hands it to dispatch, and records each phase on the activation for the officer to follow.
 * The first teams booked are handed to dispatch as they land, where dispatch takes teams (item 1's stream).
 * Safe to run again for the same wave (a redelivered request, a worker that died, the poller resuming):
 * passes already tasked are skipped, bookings are conditional, dispatch sends nothing twice. When the
 * planning fails, its bookings are removed and the activation closed (wave 1) or lowered back (an
 * upgrade), so that the officer can try again; the phase says failed, with the reason. When it fails after
 * teams were handed to dispatch, those stand and PlanningInterruptedError is thrown: the wave is finished
 * by a later run.
 */
export async function planActivationWave(deps: PlanningDeps, request: PlanningRequest): Promise<WaveOutcome> {
  const activation = await deps.activations.getActivation(request.activationId);
  if (!activation || activation.status !== 'open' || activation.wave !== request.wave) return { outcome: 'stale' };
  const progress = (p: Omit<ActivationProgress, 'wave' | 'at'>) => deps.activations.recordProgress(activation.id, { wave: activation.wave, at: deps.clock.now().toISOString(), ...p });

  let tasks: Task[];
  let shortfalls: Shortfall[] = [];
  if ((activation.plannedWave ?? 0) < activation.wave) {
    try {
      // Each team is handed to dispatch as its booking lands (tier 1 first), where dispatch takes teams.
      const dispatch = deps.dispatch;
      // A first wave (the one after a pre-treatment) repairs the plan kept ready on watch, when there is a fresh one, rather than planning from nothing.
      const from = activation.wave === firstResponseWave(activation) ? await startingPlan(deps) : undefined;
      ({ tasks, shortfalls } = await planAndBook(deps, activation, activation.zoneLevels, {
        ...(from ? { from } : {}),
        onBooking: () => progress({ phase: 'booking' }),
        ...(dispatch.handTeam ? { onBooked: (booked: Task[]) => dispatch.handTeam!({ activation, tasks: booked }) } : {}),
      }));
    } catch (error) {
      if (error instanceof PlanningInterruptedError) {
        // Teams already handed to dispatch may have been texted: they stand, the activation stays open with this
        // wave unplanned, and the next delivery of this request (or the poller's resumePlanning) plans the rest.
        await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'activation.planning-interrupted', subject: `activation:${activation.id}`, details: { wave: activation.wave, handedTeams: error.handedTeams }, reason: error.message });
        throw error;
      }
      const reason = error instanceof Error ? error.message : String(error);
      const then = await giveUpWave(deps, activation, request, reason);
      await progress({ phase: 'failed', reason, reasonCode: reasonCode('wave-failed', { wave: activation.wave, level: activation.level, then, error: reason }) });
      return { outcome: 'failed', reason };
    }
    await deps.activations.markWavePlanned(activation.id, activation.wave);
    // Used up: the next watch (after this activation) keeps a plan of its own.
    if (activation.wave === firstResponseWave(activation)) await deps.readyPlans.clearReadyPlan();
  } else {
    // Planned by an earlier run that died before dispatching: its tasks are what this wave booked.
    tasks = (await deps.tasks.listTasks(activation.id)).filter((t) => t.wave === activation.wave);
  }
  const booked = summariseBooked(tasks);
  const waveSms = await waveSmsOf(deps, activation, tasks);
  await progress({ phase: 'dispatching', booked, ...waveSms, shortfalls: shortfalls.length });
  const dispatch = await deps.dispatch.request({ activationId: activation.id, ...(shortfalls.length > 0 ? { shortfalls } : {}) });
  await progress({ phase: 'active', booked, ...waveSms, shortfalls: shortfalls.length, dispatch });
  return { outcome: 'active', activation: { ...activation, plannedWave: activation.wave }, tasks, shortfalls, dispatch };
}

/** What the wave's taskings will take to send at the stage's pace (nothing where the composition gives no pace). */
async function waveSmsOf(deps: PlanningDeps, activation: Activation, tasks: readonly Task[]): Promise<{ waveSms?: WaveSms }> {
  if (!deps.smsPace) return {};
  const [plan, crews] = await Promise.all([deps.registry.getPlan(), deps.registry.listCrews()]);
  return { waveSms: estimateWaveSms(tasks, { level: activation.level, plan, crews, pace: deps.smsPace }) };
}

/**
 * planAndBook removed its bookings; closing (or lowering back) the activation lets the officer's next attempt start
 * clean. Says what became of the activation: closed (a first wave), lowered back (an upgrade), or kept at its level.
 */
async function giveUpWave(deps: PlanningDeps, activation: Activation, request: PlanningRequest, reason: string): Promise<'closed' | 'lowered' | 'kept'> {
  const at = deps.clock.now().toISOString();
  if (activation.wave === 1) {
    await deps.activations.abandonActivation(activation.id, at, reason);
    await deps.log.append({ activationId: activation.id, at, actor: 'planner', action: 'activation.abandoned', subject: `activation:${activation.id}`, details: {}, reason });
    return 'closed';
  }
  // Without what it was upgraded from (the poller resuming a wave), the upgrade stays and the next poll tries the wave again.
  const before = request.upgradedFrom;
  const undone = before ? await deps.activations.upgradeActivation(activation.id, before, activation.wave) : false;
  await deps.log.append({ activationId: activation.id, at, actor: 'planner', action: 'activation.upgrade-undone', subject: `activation:${activation.id}`, details: { from: activation.level, to: before?.level ?? activation.level, wave: activation.wave, undone }, reason });
  return undone ? 'lowered' : 'kept';
}
