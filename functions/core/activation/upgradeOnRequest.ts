import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { levelRank, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { PlanningRequests } from '../ports/PlanningRequests.ts';
import { currentEvidence } from '../triggers/currentEvidence.ts';
import { upgradeForPlanner } from './handWaveToPlanner.ts';
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
 * A duty officer upgrades an open activation mid-storm: the forecast's current evidence is logged with
 * the reason, the activation is upgraded under a new wave, and that wave goes to the planning worker, which
 * books the roads the higher level brings into scope and hands them to dispatch. Answers once the upgrade
 * is recorded (progress planning). Throws NotFoundError, ConflictError (not open, its last wave still
 * being planned, or upgraded by someone else meanwhile) and RuleViolationError (level not higher, zone
 * levels refused).
 */
export async function upgradeOnRequest(
  deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'zoneStates' | 'activations'> & { planning: PlanningRequests },
  request: OfficerUpgrade,
): Promise<Activation> {
  const activation = await deps.activations.getActivation(request.activationId);
  if (!activation) throw new NotFoundError('activation', request.activationId);
  if (activation.status !== 'open') {
    throw new ConflictError(`activation ${activation.id} is ${activation.status}; only an open activation can be upgraded (activate a new one instead)`, { activationId: activation.id, status: activation.status });
  }
  if ((activation.plannedWave ?? activation.wave) < activation.wave) {
    throw new ConflictError(`activation ${activation.id} is still planning wave ${activation.wave}; upgrade once it is active (GET /activations/${activation.id} shows its progress)`, { activationId: activation.id, wave: activation.wave, phase: activation.progress?.phase });
  }
  if (levelRank(request.level) <= levelRank(activation.level)) {
    throw new RuleViolationError(`level ${request.level} is not above the current level ${activation.level}; an upgrade must go to a higher level (to lower it, downgrade)`, 'level');
  }
  const [zones, evidence] = await Promise.all([deps.registry.listZones(), currentEvidence(deps)]);
  const zoneLevels = resolveZoneLevels(zones, request.level, request.zoneLevels);
  const upgraded = await upgradeForPlanner(deps, { activation, level: request.level, zoneLevels, actor: request.actor, reason: request.reason, evidence });
  if (upgraded.outcome !== 'handed') {
    const now = await deps.activations.getActivation(activation.id);
    throw new ConflictError(
      `activation ${activation.id} changed while it was being upgraded (now ${now?.status ?? 'gone'} at level ${now?.level ?? '?'}, wave ${now?.wave ?? '?'}); look at it again and retry`,
      { activationId: activation.id, status: now?.status, level: now?.level, wave: now?.wave },
    );
  }
  return upgraded.activation;
}
