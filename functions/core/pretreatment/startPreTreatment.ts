import { openActivation } from '../activation/openActivation.ts';
import { ConflictError } from '../errors/ConflictError.ts';
import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { levelRank, maxLevel, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { PreTreatment } from '../operations/PreTreatment.ts';
import type { ZoneState } from '../operations/ZoneState.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { PlanningRequests } from '../ports/PlanningRequests.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { preTreatedRoads } from './preTreatmentInput.ts';

const HOUR_MS = 3_600_000;

export interface PreTreatmentRequest {
  actor: string;
  reason: string;
}

/** The watch evidence of the zones on watch, each rule prefixed by its zone (as an activation logs it). */
function watchEvidence(watched: readonly ZoneState[]): Evidence[] {
  return watched.flatMap((s) => s.evidence.filter((e) => e.watch).map((e) => ({ ...e, rule: `${s.zoneId}:${e.rule}` })));
}

/**
 * A duty officer's one action while zones are on watch (snow beyond the plan's lead time): the
 * pre-treatment wave. Opens an activation at the level the watch forecasts, whose first wave sends
 * spreaders to the tier-1 roads, bridges, ramps and slopes of the zones on watch where the registry allows
 * de-icing agent, to be at staging an hour before the snow (never sooner than the plan's lead time
 * allows). The wave is planned, booked (certified crew, ready vehicle, nobody twice) and texted by the
 * same worker and dispatch as any wave; the zones' levels stay at none, so when the snow comes due the
 * poller upgrades the activation (or proposes it) and the next wave plans the rest, the pre-treatment's
 * passes kept and its crews left on them. Answers once the activation is open.
 */
export async function startPreTreatment(
  deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'ids' | 'zoneStates' | 'activations'> & { planning: PlanningRequests },
  request: PreTreatmentRequest,
): Promise<Activation> {
  const [plan, roads, states, open] = await Promise.all([deps.registry.getPlan(), deps.registry.listRoads(), deps.zoneStates.getZoneStates(), deps.activations.getOpenActivation()]);
  if (open) throw alreadyOpen(open);
  const due = states.filter((s) => s.level !== 'none');
  if (due.length > 0) throw new ConflictError(`zone ${due.map((s) => `${s.zoneId} is at level ${s.level}`).join(', zone ')} already: activate instead of pre-treating`, { zoneLevels: Object.fromEntries(due.map((s) => [s.zoneId, s.level])) });
  const watched = states.filter((s) => s.watch && levelRank(s.watchLevel ?? 'none') > 0);
  if (watched.length === 0) throw new ConflictError('no zone is on watch (snow forecast beyond the lead time): there is nothing to pre-treat');
  const zoneLevels: Record<string, ResponseLevel> = Object.fromEntries(watched.map((s) => [s.zoneId, s.watchLevel!]));
  if (preTreatedRoads(roads, zoneLevels).length === 0) {
    throw new RuleViolationError(`no tier-1 road in the zones on watch (${Object.keys(zoneLevels).join(', ')}) allows de-icing agent in the registry (agentAllowed): there is nothing to pre-treat`);
  }

  const now = deps.clock.now();
  const evidence = watchEvidence(watched);
  // The first snowy hour the watch saw; a watch is weather beyond the lead time, so that is the latest it can be missing.
  const starts = evidence.map((e) => Date.parse(e.startsAt ?? e.from)).filter((t) => Number.isFinite(t));
  const snowAt = starts.length > 0 ? Math.min(...starts) : now.getTime() + (plan.leadTimeHours ?? 12) * HOUR_MS;
  const stagingAt = Math.max(snowAt - HOUR_MS, now.getTime() + plan.startLeadMinutes * 60_000);
  const preTreatment: PreTreatment = { wave: 1, zoneLevels, snowAt: new Date(snowAt).toISOString(), stagingAt: new Date(stagingAt).toISOString() };
  const level = Object.values(zoneLevels).reduce<ResponseLevel>((acc, l) => maxLevel(acc, l), 'none') as ActiveLevel;

  const opened = await openActivation(deps, {
    level, zoneLevels: Object.fromEntries(states.map((s) => [s.zoneId, s.level])), actor: request.actor, reason: request.reason, evidence,
  }, { forWorker: true, preTreatment });
  if (opened.outcome === 'already-open') throw alreadyOpen(opened.activation);
  const { activation } = opened;
  await deps.log.append({
    activationId: activation.id, at: now.toISOString(), actor: request.actor, action: 'pretreatment.started', subject: `activation:${activation.id}`,
    details: { zoneLevels, snowAt: preTreatment.snowAt, stagingAt: preTreatment.stagingAt, roads: preTreatedRoads(roads, zoneLevels).length }, reason: request.reason,
  });
  // Should this hand-over fail, the activation is open with its wave unplanned: the poller's resumePlanning finishes it.
  await deps.planning.request({ activationId: activation.id, wave: activation.wave });
  return activation;
}

function alreadyOpen(open: Activation): ConflictError {
  return new ConflictError(
    `activation ${open.id} is already open at level ${open.level} (opened ${open.openedAt} by ${open.openedBy}): its waves cover the roads in scope`,
    { activationId: open.id, level: open.level, openedAt: open.openedAt, openedBy: open.openedBy },
  );
}
