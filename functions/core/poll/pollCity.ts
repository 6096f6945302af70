import { activate, type ActivateResult } from '../activation/activate.ts';
import { levelRank, maxLevel, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { ZoneState } from '../operations/ZoneState.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { ForecastProvider } from '../ports/ForecastProvider.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import { evaluateBlizzard } from '../triggers/evaluateBlizzard.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { fetchWithFallback } from './fetchWithFallback.ts';

export interface PollResult {
  zones: ZoneState[];
  cityLevel: ResponseLevel;
  decision: 'none' | 'activated' | 'proposed' | 'already-open' | 'held';
  activation?: ActivateResult;
}

/**
 * One poll of every zone: fetch (with fallback), assess, store, and act on the plan's policy.
 * A zone whose providers all fail keeps its previous level: bad data never activates a plan.
 */
export async function pollCity(deps: CoreDeps & { providers: ReadonlyMap<string, ForecastProvider>; sms: SmsSender }): Promise<PollResult> {
  const [plan, zones, previous] = await Promise.all([deps.registry.getPlan(), deps.registry.listZones(), deps.ops.getZoneStates()]);
  const before = new Map(previous.map((s) => [s.zoneId, s]));
  const states: ZoneState[] = [];
  for (const zone of zones) {
    const at = deps.clock.now().toISOString();
    const prior = before.get(zone.id);
    const { forecast, failures } = await fetchWithFallback(zone, deps.providers);
    for (const f of failures) {
      await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.failed', subject: `zone:${zone.id}`, details: { provider: f.provider }, reason: f.reason });
    }
    if (!forecast) {
      const held: ZoneState = { zoneId: zone.id, level: prior?.level ?? 'none', evidence: prior?.evidence ?? [], provider: prior?.provider ?? null, lastSuccessAt: prior?.lastSuccessAt ?? null, lastPollAt: at, lastError: failures.map((f) => `${f.provider}: ${f.reason}`).join(' | ') };
      await deps.ops.putZoneState(held);
      states.push(held);
      continue;
    }
    const assessment = evaluateBlizzard(forecast, plan.blizzardThresholds);
    const state: ZoneState = { zoneId: zone.id, level: assessment.level, evidence: assessment.evidence, provider: forecast.provider, lastSuccessAt: at, lastPollAt: at, lastError: null };
    await deps.ops.putZoneState(state);
    states.push(state);
    if (assessment.level !== (prior?.level ?? 'none')) {
      await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.level-changed', subject: `zone:${zone.id}`, details: { from: prior?.level ?? 'none', to: assessment.level, provider: forecast.provider, evidence: assessment.evidence } });
    }
  }
  const cityLevel = states.reduce<ResponseLevel>((acc, s) => maxLevel(acc, s.level), 'none');
  if (cityLevel === 'none') return { zones: states, cityLevel, decision: 'none' };
  const open = await deps.ops.getOpenActivation();
  if (open) {
    return { zones: states, cityLevel, decision: levelRank(cityLevel) > levelRank(open.level) ? 'held' : 'already-open' };
  }
  const zoneLevels = Object.fromEntries(states.map((s) => [s.zoneId, s.level]));
  const evidence: Evidence[] = states.flatMap((s) => s.evidence.map((e) => ({ ...e, rule: `${s.zoneId}:${e.rule}` })));
  const reason = `forecast reached level ${cityLevel} (${evidence[0]?.rule ?? 'rule'}: ${evidence[0]?.value ?? '?'} ${evidence[0]?.unit ?? ''} ≥ ${evidence[0]?.threshold ?? '?'})`;
  if (plan.activationPolicy === 'propose') {
    const at = deps.clock.now().toISOString();
    await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'activation.proposed', details: { level: cityLevel, zoneLevels, evidence }, reason });
    await deps.sms.send({ to: plan.dutyOfficerPhone, body: `snowops: level ${cityLevel} proposed. ${reason}`.slice(0, 300), idempotencyKey: `proposal#${cityLevel}#${at.slice(0, 13)}` });
    return { zones: states, cityLevel, decision: 'proposed' };
  }
  const result = await activate(deps, { level: cityLevel as ActiveLevel, zoneLevels, actor: 'poller', reason, evidence });
  return { zones: states, cityLevel, decision: result.outcome === 'activated' ? 'activated' : 'already-open', activation: result };
}
