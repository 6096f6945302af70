import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { levelRank, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import { roadsInScope } from '../planner/roadsInScope.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchReceipt, DispatchRequests } from '../ports/DispatchRequests.ts';
import { currentEvidence } from '../triggers/currentEvidence.ts';
import { cancelOpenTasks } from './cancelOpenTasks.ts';
import { resolveZoneLevels } from './resolveZoneLevels.ts';
import { reasonCode } from '../text/ReasonCode.ts';
import { loggedEvidence } from '../triggers/loggedEvidence.ts';

export interface DowngradeLevelRequest {
  activationId: string;
  level: ActiveLevel;
  /** Levels per zone; by default each zone keeps its level, capped at the new one. */
  zoneLevels?: Record<string, ResponseLevel>;
  actor: string;
  reason: string;
}

/**
 * Lowers an open activation's level (logging the forecast evidence of the moment), cancels the open tasks
 * on roads the new level no longer covers, and hands it to dispatch, which tells the crews already sent.
 */
export async function downgradeLevel(deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'zoneStates' | 'activations' | 'tasks'> & { dispatch: DispatchRequests }, request: DowngradeLevelRequest): Promise<{ activation: Activation; cancelled: Task[]; dispatch: DispatchReceipt }> {
  const activation = await deps.activations.getActivation(request.activationId);
  if (!activation) throw new NotFoundError('activation', request.activationId);
  if (activation.status !== 'open') throw new ConflictError(`activation ${activation.id} is ${activation.status}; only an open activation can be downgraded`, { activationId: activation.id, status: activation.status });
  if (levelRank(request.level) >= levelRank(activation.level)) {
    throw new RuleViolationError(`level ${request.level} is not below the current level ${activation.level}; a downgrade must go to a lower level (to go higher, upgrade)`, 'level');
  }
  const [plan, zones, roads, evidence] = await Promise.all([deps.registry.getPlan(), deps.registry.listZones(), deps.registry.listRoads(), currentEvidence(deps)]);
  const zoneLevels = request.zoneLevels
    ? resolveZoneLevels(zones, request.level, request.zoneLevels)
    : Object.fromEntries(zones.map((z) => {
        const current = activation.zoneLevels[z.id] ?? 'none';
        return [z.id, levelRank(current) > levelRank(request.level) ? request.level : current];
      }));
  if (!(await deps.activations.changeActivationLevel(activation.id, activation.level, request.level, zoneLevels))) {
    const now = await deps.activations.getActivation(activation.id);
    throw new ConflictError(`activation ${activation.id} changed while it was being downgraded (now ${now?.status ?? 'gone'} at level ${now?.level ?? '?'}); look at it again and retry`, { activationId: activation.id, status: now?.status, level: now?.level });
  }
  const at = deps.clock.now().toISOString();
  const inScope = new Set(roadsInScope(plan, roads, zoneLevels).map((r) => r.id));
  await deps.log.append({
    activationId: activation.id, at, actor: request.actor, action: 'activation.downgraded', subject: `activation:${activation.id}`,
    details: { from: activation.level, to: request.level, zoneLevels, ...loggedEvidence(evidence), roadsInScope: inScope.size }, reason: request.reason,
  });
  // Only while nobody upgrades it again: an upgrade meanwhile brings these roads back into scope and plans them.
  const cancelled = await cancelOpenTasks(deps, activation.id, (t) => !inScope.has(t.roadId), { actor: request.actor, reason: `downgraded to ${request.level}: road no longer in scope`, reasonCode: reasonCode('downgraded-out-of-scope', { level: request.level }) }, { wave: activation.wave });
  const dispatch = await deps.dispatch.request({ activationId: activation.id });
  return { activation: { ...activation, level: request.level, zoneLevels }, cancelled, dispatch };
}
