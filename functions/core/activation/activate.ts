import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchRequests } from '../ports/DispatchRequests.ts';
import { PlanningInterruptedError } from '../errors/PlanningInterruptedError.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { planAndBook } from './planAndBook.ts';

export interface ActivateRequest {
  level: ActiveLevel;
  zoneLevels: Record<string, ResponseLevel>;
  actor: string;
  reason: string;
  evidence: Evidence[];
}

export type ActivateResult =
  | { outcome: 'activated'; activation: Activation; tasks: Task[]; shortfalls: Shortfall[] }
  | { outcome: 'already-open'; activation: Activation };

/**
 * Opens an activation, plans teams for the roads in scope and books them; shortfalls are logged, never hidden.
 * With `dispatch` that takes booked teams (handTeam), the first wave streams: tier 1 is booked first and each
 * team is handed to dispatch as its booking lands; the caller's wave request afterwards is the safety net.
 */
export async function activate(deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'ids' | 'activations' | 'bookings' | 'tasks' | 'shortfalls'> & { dispatch?: DispatchRequests }, request: ActivateRequest): Promise<ActivateResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const activation: Activation = {
    id: `act-${deps.ids.next()}`,
    level: request.level,
    zoneLevels: request.zoneLevels,
    status: 'open',
    openedAt: at,
    openedBy: request.actor,
    reason: request.reason,
    evidence: request.evidence,
    wave: 1,
    plannedWave: 0,
  };
  if ((await deps.activations.createActivation(activation)) === 'exists') {
    const open = await deps.activations.getOpenActivation();
    if (open) return { outcome: 'already-open', activation: open };
    throw new Error('an activation was reported open but could not be read');
  }
  await deps.log.append({ activationId: activation.id, at, actor: request.actor, action: 'activation.opened', subject: `activation:${activation.id}`, details: { level: request.level, zoneLevels: request.zoneLevels, evidence: request.evidence }, reason: request.reason });

  let planned: Awaited<ReturnType<typeof planAndBook>>;
  try {
    const dispatch = deps.dispatch;
    planned = await planAndBook(deps, activation, request.zoneLevels, dispatch?.handTeam ? { onBooked: (tasks) => dispatch.handTeam!({ activation, tasks }) } : {});
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
  return { outcome: 'activated', activation: { ...activation, plannedWave: activation.wave }, tasks: planned.tasks, shortfalls: planned.shortfalls };
}
