import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { levelRank, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchReceipt, DispatchRequests } from '../ports/DispatchRequests.ts';
import { currentEvidence } from '../triggers/currentEvidence.ts';
import { upgradeLevel } from './upgradeLevel.ts';
import { resolveZoneLevels } from './resolveZoneLevels.ts';

export interface OfficerUpgrade {
  activationId: string;
  /** The new, higher level. */
  level: ActiveLevel;
  /** Levels per zone (none above `level`, one at it); by default every zone at `level`. Zones never go down. */
  zoneLevels?: Record<string, ResponseLevel>;
  actor: string;
  reason: string;
}

/**
 * A duty officer raises an open activation mid-storm: the forecast's current evidence is logged with
 * the reason, the roads the higher level brings into scope are booked as a new wave, and that wave is
 * dispatched at once, as an officer's activation is. Throws NotFoundError, ConflictError (not open, or
 * upgraded by someone else meanwhile) and RuleViolationError (level not higher, zone levels refused).
 */
export async function upgradeOnRequest(
  deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'zoneStates' | 'activations' | 'bookings' | 'tasks' | 'shortfalls'> & { dispatch: DispatchRequests },
  request: OfficerUpgrade,
): Promise<{ activation: Activation; tasks: Task[]; shortfalls: Shortfall[]; dispatch: DispatchReceipt }> {
  const activation = await deps.activations.getActivation(request.activationId);
  if (!activation) throw new NotFoundError('activation', request.activationId);
  if (activation.status !== 'open') {
    throw new ConflictError(`activation ${activation.id} is ${activation.status}; only an open activation can be upgraded (activate a new one instead)`, { activationId: activation.id, status: activation.status });
  }
  if (levelRank(request.level) <= levelRank(activation.level)) {
    throw new RuleViolationError(`level ${request.level} is not above the current level ${activation.level}; an upgrade must go to a higher level (to lower it, downgrade)`, 'level');
  }
  const [zones, evidence] = await Promise.all([deps.registry.listZones(), currentEvidence(deps)]);
  const zoneLevels = resolveZoneLevels(zones, request.level, request.zoneLevels);
  const upgraded = await upgradeLevel(deps, { activation, level: request.level, zoneLevels, actor: request.actor, reason: request.reason, evidence });
  if (upgraded.outcome !== 'upgraded') {
    const now = await deps.activations.getActivation(activation.id);
    throw new ConflictError(
      `activation ${activation.id} changed while it was being upgraded (now ${now?.status ?? 'gone'} at level ${now?.level ?? '?'}, wave ${now?.wave ?? '?'}); look at it again and retry`,
      { activationId: activation.id, status: now?.status, level: now?.level, wave: now?.wave },
    );
  }
  const dispatch = await deps.dispatch.request({ activationId: upgraded.activation.id });
  return { activation: upgraded.activation, tasks: upgraded.tasks, shortfalls: upgraded.shortfalls, dispatch };
}
