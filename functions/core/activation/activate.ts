import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
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

/** Opens an activation, plans teams for the roads in scope and books them; shortfalls are logged, never hidden. */
export async function activate(deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'ids' | 'activations' | 'bookings' | 'tasks' | 'shortfalls'>, request: ActivateRequest): Promise<ActivateResult> {
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
    planned = await planAndBook(deps, activation, request.zoneLevels);
  } catch (error) {
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
