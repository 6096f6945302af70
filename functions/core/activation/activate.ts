import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchRequests } from '../ports/DispatchRequests.ts';
import { PlanningInterruptedError } from '../errors/PlanningInterruptedError.ts';
import { openActivation, type ActivateRequest } from './openActivation.ts';
import { planAndBook } from './planAndBook.ts';
import { startingPlan } from '../readiness/startingPlan.ts';

export type ActivateResult =
  | { outcome: 'activated'; activation: Activation; tasks: Task[]; shortfalls: Shortfall[] }
  | { outcome: 'already-open'; activation: Activation };

/**
 * Opens an activation, plans teams for the roads in scope (repairing the plan kept ready on watch, when
 * there is a fresh one) and books them in this run (the poller's);
 * shortfalls are logged, never hidden. With `dispatch` that takes booked teams (handTeam), the first wave
 * streams: tier 1 is booked first and each team is handed to dispatch as its booking lands; the caller's
 * wave request afterwards is the safety net.
 */
export async function activate(deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'ids' | 'activations' | 'bookings' | 'tasks' | 'shortfalls' | 'readyPlans' | 'plannerBudget'> & { dispatch?: DispatchRequests }, request: ActivateRequest): Promise<ActivateResult> {
  const opened = await openActivation(deps, request);
  if (opened.outcome === 'already-open') return opened;
  const { activation } = opened;

  let planned: Awaited<ReturnType<typeof planAndBook>>;
  try {
    const dispatch = deps.dispatch;
    // The plan kept ready on watch, when there is a fresh one, is repaired rather than a plan made from nothing.
    const from = await startingPlan(deps);
    planned = await planAndBook(deps, activation, request.zoneLevels, { from, ...(dispatch?.handTeam ? { onBooked: (tasks) => dispatch.handTeam!({ activation, tasks }) } : {}) });
  } catch (error) {
    if (error instanceof PlanningInterruptedError) {
      // Teams already texted stand: the activation stays open with its wave unplanned, and the poller's resumePlanning finishes it.
      await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: request.actor, action: 'activation.planning-interrupted', subject: `activation:${activation.id}`, details: { handedTeams: error.handedTeams }, reason: error.message });
      throw error;
    }
    // planAndBook removed its bookings; closing the activation lets the next attempt start clean.
    const reason = error instanceof Error ? error.message : String(error);
    await deps.activations.abandonActivation(activation.id, deps.clock.now().toISOString(), reason);
    await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: request.actor, action: 'activation.abandoned', subject: `activation:${activation.id}`, details: {}, reason });
    throw error;
  }
  // Outside the rollback: the plan stands. Should this fail, the poller finds the wave unmarked and finishes it (resumePlanning).
  await deps.activations.markWavePlanned(activation.id, activation.wave);
  // Used up: the next watch (after this activation) keeps a plan of its own.
  await deps.readyPlans.clearReadyPlan();
  return { outcome: 'activated', activation: { ...activation, plannedWave: activation.wave }, tasks: planned.tasks, shortfalls: planned.shortfalls };
}
