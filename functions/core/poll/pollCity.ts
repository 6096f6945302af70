import { activate, type ActivateResult } from '../activation/activate.ts';
import { upgradeLevel, type UpgradeLevelResult } from '../activation/upgradeLevel.ts';
import { openForPlanner, upgradeForPlanner, type HandedWave } from '../activation/handWaveToPlanner.ts';
import { levelRank, maxLevel, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import { OPEN_TASK_STATES } from '../operations/Task.ts';
import type { ZoneState } from '../operations/ZoneState.ts';
import type { DispatchRequests } from '../ports/DispatchRequests.ts';
import type { PlanningRequests } from '../ports/PlanningRequests.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { ForecastProvider } from '../ports/ForecastProvider.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import { forecastRules } from '../registry/CityPlan.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { reasonCode } from '../text/ReasonCode.ts';
import { describeEvidence } from '../triggers/describeEvidence.ts';
import { loggedEvidence } from '../triggers/loggedEvidence.ts';
import { noticeStaleAndWatch } from './noticeStaleAndWatch.ts';
import { notifyOfficer } from './notifyOfficer.ts';
import { officerNotices } from './officerNotices.ts';
import { pollZone, type ZoneReport } from './pollZone.ts';

export type PollDecision =
  | 'none' | 'watch' | 'held' | 'activated' | 'proposed' | 'awaiting-officer' | 'already-open'
  | 'upgraded' | 'upgrade-proposed' | 'downgrade-proposed' | 'stand-down-proposed';

/** Figures the handler publishes as metrics. */
export interface PollMetrics {
  zones: number;
  providerFailures: number;
  /** Zones whose providers have all failed for longer than the plan allows. */
  staleZones: number;
  /** Of those, the ones whose alarm went out on this poll. */
  newlyStaleZones: number;
}

export interface PollResult {
  zones: ZoneState[];
  cityLevel: ResponseLevel;
  decision: PollDecision;
  /** 'handed' where a planning worker takes the wave (the `planning` port); planned in this run otherwise. */
  activation?: ActivateResult | HandedWave;
  upgrade?: UpgradeLevelResult | HandedWave;
  /** Some zone's forecast holds more than is due yet. */
  watch: boolean;
  reports: ZoneReport[];
  metrics: PollMetrics;
}

/**
 * `planning`: the worker an activation's or upgrade's wave is handed to (deployed: the planning queue), so the
 * poll stays short at any city size; without it the wave is planned and booked in this run (the local demo,
 * tests), streaming its booked teams to `dispatch` when the caller has one.
 */
type PollDeps = Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'ids' | 'zoneStates' | 'activations' | 'bookings' | 'tasks' | 'shortfalls' | 'readyPlans' | 'plannerBudget'> & { providers: ReadonlyMap<string, ForecastProvider>; sms: SmsSender; dispatch?: DispatchRequests; planning?: PlanningRequests };

const cityLevelOf = (levels: ResponseLevel[]) => levels.reduce<ResponseLevel>((acc, l) => maxLevel(acc, l), 'none');

/**
 * One poll of every zone, then the decision: activate (or propose, as the plan says), upgrade an open
 * activation at once, put the city on watch, hold on stale data, or PROPOSE a downgrade / stand-down to
 * the duty officer (the poller never lowers or closes an activation itself), a stand-down also when the
 * watch a pre-treatment was started for passes without snow. Only zones with a fresh
 * forecast can start or upgrade anything: bad or missing data never activates a plan.
 */
export async function pollCity(deps: PollDeps): Promise<PollResult> {
  const [plan, zones, previous] = await Promise.all([deps.registry.getPlan(), deps.registry.listZones(), deps.zoneStates.getZoneStates()]);
  const before = new Map(previous.map((s) => [s.zoneId, s]));
  const reports: ZoneReport[] = [];
  const rules = forecastRules(plan);
  for (const zone of zones) reports.push(await pollZone(deps, rules, zone, before.get(zone.id)));

  const lang = plan.defaultLanguage;
  const at = deps.clock.now().toISOString();
  const states = reports.map((r) => r.state);
  const cityLevel = cityLevelOf(states.map((s) => s.level));
  const priorCityLevel = cityLevelOf(reports.map((r) => r.prior?.level ?? 'none'));
  const fresh = reports.filter((r) => r.forecast);
  const freshCityLevel = cityLevelOf(fresh.map((r) => r.state.level));
  const zoneLevels = Object.fromEntries(states.map((s) => [s.zoneId, s.level]));
  const evidence: Evidence[] = fresh.flatMap((r) => (r.assessment?.evidence ?? []).filter((e) => !e.watch).map((e) => ({ ...e, rule: `${r.zone.id}:${e.rule}` })));
  const topEvidence = evidence.sort((a, b) => levelRank(b.level) - levelRank(a.level))[0];
  const watch = reports.some((r) => r.state.watch === true);
  const stale = reports.filter((r) => r.stale);
  const metrics: PollMetrics = { zones: reports.length, providerFailures: reports.reduce((n, r) => n + r.failures.length, 0), staleZones: stale.length, newlyStaleZones: reports.filter((r) => r.newlyStale).length };
  const result = (decision: PollDecision, extra: Partial<PollResult> = {}): PollResult => ({ zones: states, cityLevel, decision, watch, reports, metrics, ...extra });

  await noticeStaleAndWatch(deps, plan, reports, cityLevel, at);

  const reason = topEvidence ? `forecast reached level ${cityLevel} (${describeEvidence(topEvidence)})` : `forecast at level ${cityLevel}`;
  // The evidence's figures ride with the code: the console says them from its own table, in its own language.
  const why = topEvidence
    ? reasonCode('forecast-reached-level', { level: cityLevel, rule: topEvidence.rule, evidenceLevel: topEvidence.level, value: topEvidence.value, threshold: topEvidence.threshold, unit: topEvidence.unit, windowHours: topEvidence.windowHours, from: topEvidence.from, to: topEvidence.to, gapHours: topEvidence.gapHours, provider: topEvidence.provider })
    : reasonCode('forecast-at-level', { level: cityLevel });
  const open = await deps.activations.getOpenActivation();
  if (open) {
    const rose = fresh.some((r) => levelRank(r.state.level) > levelRank(open.zoneLevels[r.zone.id] ?? 'none'));
    if (rose) {
      if (plan.activationPolicy === 'auto') {
        const request = { activation: open, level: maxLevel(open.level, cityLevel) as ActiveLevel, zoneLevels, actor: 'poller', reason, reasonCode: why, evidence };
        const upgrade = deps.planning ? await upgradeForPlanner({ ...deps, planning: deps.planning }, request) : await upgradeLevel(deps, request);
        return result(upgrade.outcome === 'upgraded' || upgrade.outcome === 'handed' ? 'upgraded' : 'already-open', { upgrade });
      }
      if (!fresh.some((r) => r.change === 'upgrade')) return result('awaiting-officer');
      await deps.log.append({ activationId: open.id, at, actor: 'poller', action: 'upgrade.proposed', subject: `activation:${open.id}`, details: { from: open.level, to: maxLevel(open.level, cityLevel), zoneLevels, ...loggedEvidence(evidence), reasonCode: why }, reason });
      await notifyOfficer(deps, plan.dutyOfficerPhone, { kind: 'upgrade-proposed', activationId: open.id, sms: officerNotices.proposeUpgrade(lang, open.level, maxLevel(open.level, cityLevel), topEvidence, deps.sms.signature), idempotencyKey: `upgrade#${open.id}#${at}` });
      return result('upgrade-proposed');
    }
    const dropped = reports.some((r) => r.change === 'downgrade');
    if (dropped && levelRank(cityLevel) < levelRank(open.level) && levelRank(cityLevel) < levelRank(priorCityLevel)) {
      const openTasks = (await deps.tasks.listTasks(open.id)).filter((t) => OPEN_TASK_STATES.includes(t.state)).length;
      const kind = cityLevel === 'none' ? 'stand-down-proposed' : 'downgrade-proposed';
      await deps.log.append({ activationId: open.id, at, actor: 'poller', action: kind === 'stand-down-proposed' ? 'stand-down.proposed' : 'downgrade.proposed', subject: `activation:${open.id}`, details: { from: open.level, to: cityLevel, zoneLevels, openTasks, pollsBelow: rules.downgradeAfterPolls, reasonCode: reasonCode('forecast-below-level', { level: open.level, to: cityLevel, polls: rules.downgradeAfterPolls, open: openTasks }) }, reason: `forecast below level ${open.level} for ${rules.downgradeAfterPolls} consecutive polls` });
      await notifyOfficer(deps, plan.dutyOfficerPhone, { kind, activationId: open.id, sms: officerNotices.proposeDowngrade(lang, open.level, cityLevel, rules.downgradeAfterPolls, openTasks, deps.sms.signature), idempotencyKey: `${kind}#${open.id}#${at}` });
      return result(kind);
    }
    // A pre-treatment whose watch has just passed, with no zone due, none on watch and every forecast fresh: the snow is not coming.
    const watchPassed = open.preTreatment?.wave === open.wave && cityLevel === 'none' && !watch && stale.length === 0 && reports.some((r) => r.prior?.watch === true);
    if (watchPassed) {
      const openTasks = (await deps.tasks.listTasks(open.id)).filter((t) => OPEN_TASK_STATES.includes(t.state)).length;
      await deps.log.append({ activationId: open.id, at, actor: 'poller', action: 'stand-down.proposed', subject: `activation:${open.id}`, details: { from: open.level, to: 'none', zoneLevels, openTasks, snowAt: open.preTreatment!.snowAt, reasonCode: reasonCode('watch-passed', { level: open.level, snowAt: open.preTreatment!.snowAt, open: openTasks }) }, reason: 'the watch this pre-treatment was started for passed without snow: no zone is forecast to reach a level' });
      await notifyOfficer(deps, plan.dutyOfficerPhone, { kind: 'stand-down-proposed', activationId: open.id, sms: officerNotices.proposeStandDownNoSnow(lang, openTasks, deps.sms.signature), idempotencyKey: `stand-down-proposed#${open.id}#${at}` });
      return result('stand-down-proposed');
    }
    return result(stale.length > 0 ? 'held' : 'already-open');
  }

  if (freshCityLevel === 'none') return result(watch ? 'watch' : stale.length > 0 || cityLevel !== 'none' ? 'held' : 'none');
  if (plan.activationPolicy === 'propose') {
    if (levelRank(cityLevel) <= levelRank(priorCityLevel)) return result('awaiting-officer');
    await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'activation.proposed', details: { level: cityLevel, zoneLevels, ...loggedEvidence(evidence), reasonCode: why }, reason });
    await notifyOfficer(deps, plan.dutyOfficerPhone, { kind: 'activation-proposed', sms: officerNotices.proposeActivation(lang, cityLevel, topEvidence, deps.sms.signature), idempotencyKey: `proposal#${cityLevel}#${at}` });
    return result('proposed');
  }
  const request = { level: cityLevel as ActiveLevel, zoneLevels, actor: 'poller', reason, reasonCode: why, evidence };
  const activation = deps.planning ? await openForPlanner({ ...deps, planning: deps.planning }, request) : await activate(deps, request);
  return result(activation.outcome === 'already-open' ? 'already-open' : 'activated', { activation });
}
