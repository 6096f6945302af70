import { ConflictError } from '../errors/ConflictError.ts';
import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { PlanningRequests } from '../ports/PlanningRequests.ts';
import { currentEvidence } from '../triggers/currentEvidence.ts';
import { openForPlanner } from './handWaveToPlanner.ts';
import { resolveZoneLevels } from './resolveZoneLevels.ts';

export interface OfficerActivation {
  level: ActiveLevel;
  zoneLevels?: Record<string, ResponseLevel>;
  actor: string;
  reason: string;
}

/**
 * A duty officer's activation: the level for every zone (or the zones named), the forecast's current
 * evidence attached, the activation opened and its first wave handed to the planning worker, which books
 * the teams and hands them to dispatch. Answers as soon as the activation is open (its progress says
 * planning); a big city's plan takes longer than a request may. Throws ConflictError while another
 * activation is open.
 */
export async function activateOnRequest(
  deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'ids' | 'zoneStates' | 'activations'> & { planning: PlanningRequests },
  request: OfficerActivation,
): Promise<Activation> {
  const [zones, evidence] = await Promise.all([deps.registry.listZones(), currentEvidence(deps)]);
  const zoneLevels = resolveZoneLevels(zones, request.level, request.zoneLevels);
  const opened = await openForPlanner(deps, { level: request.level, zoneLevels, actor: request.actor, reason: request.reason, evidence });
  if (opened.outcome === 'already-open') {
    const open = opened.activation;
    throw new ConflictError(
      `activation ${open.id} is already open at level ${open.level} (opened ${open.openedAt} by ${open.openedBy}); downgrade, upgrade or stand it down instead`,
      { activationId: open.id, level: open.level, openedAt: open.openedAt, openedBy: open.openedBy },
    );
  }
  return opened.activation;
}
