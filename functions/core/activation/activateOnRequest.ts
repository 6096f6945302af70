import { ConflictError } from '../errors/ConflictError.ts';
import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchReceipt, DispatchRequests } from '../ports/DispatchRequests.ts';
import { currentEvidence } from '../triggers/currentEvidence.ts';
import { activate } from './activate.ts';
import { resolveZoneLevels } from './resolveZoneLevels.ts';

export interface OfficerActivation {
  level: ActiveLevel;
  zoneLevels?: Record<string, ResponseLevel>;
  actor: string;
  reason: string;
}

/**
 * A duty officer's activation: the level for every zone (or the zones named), the forecast's current
 * evidence attached, teams booked and the first wave handed to dispatch at once ("snow is the order").
 * Throws ConflictError while another activation is open.
 */
export async function activateOnRequest(
  deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'ids' | 'zoneStates' | 'activations' | 'bookings' | 'tasks' | 'shortfalls'> & { dispatch: DispatchRequests },
  request: OfficerActivation,
): Promise<{ activation: Activation; tasks: Task[]; shortfalls: Shortfall[]; dispatch: DispatchReceipt }> {
  const [zones, evidence] = await Promise.all([deps.registry.listZones(), currentEvidence(deps)]);
  const zoneLevels = resolveZoneLevels(zones, request.level, request.zoneLevels);
  const result = await activate(deps, { level: request.level, zoneLevels, actor: request.actor, reason: request.reason, evidence });
  if (result.outcome === 'already-open') {
    const open = result.activation;
    throw new ConflictError(
      `activation ${open.id} is already open at level ${open.level} (opened ${open.openedAt} by ${open.openedBy}); downgrade, upgrade or stand it down instead`,
      { activationId: open.id, level: open.level, openedAt: open.openedAt, openedBy: open.openedBy },
    );
  }
  const dispatch = await deps.dispatch.request({ activationId: result.activation.id });
  return { activation: result.activation, tasks: result.tasks, shortfalls: result.shortfalls, dispatch };
}
