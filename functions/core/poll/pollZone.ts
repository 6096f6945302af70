import type { HourlyForecast } from '../forecast/HourlyForecast.ts';
import { snowWaterAhead } from '../forecast/snowWaterAhead.ts';
import { levelRank } from '../levels/ResponseLevel.ts';
import type { ZoneState } from '../operations/ZoneState.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { ForecastProvider } from '../ports/ForecastProvider.ts';
import type { ForecastRules } from '../registry/CityPlan.ts';
import type { Zone } from '../registry/Zone.ts';
import { applyHysteresis, type LevelChange } from '../triggers/applyHysteresis.ts';
import { assessForecast } from '../triggers/assessForecast.ts';
import type { ForecastAssessment } from '../triggers/ForecastAssessment.ts';
import { fetchWithFallback, type ProviderFailure } from './fetchWithFallback.ts';

const MINUTE_MS = 60_000;

export interface ZoneReport {
  zone: Zone;
  state: ZoneState;
  prior?: ZoneState;
  failures: ProviderFailure[];
  /** Present when a provider answered with a usable forecast this poll. */
  forecast?: HourlyForecast;
  assessment?: ForecastAssessment;
  change: LevelChange | 'no-forecast';
  /** Every provider has failed for longer than the plan allows. */
  stale: boolean;
  /** The stale alarm is due now (first poll of this stale episode past the limit). */
  newlyStale: boolean;
  /** The watch level rose above what the duty officer was told. */
  newWatch: boolean;
}

/**
 * Polls one zone: fetch with fallback, assess against the plan, apply hysteresis, store the state and
 * log what changed. A zone whose providers all fail holds its level: bad data never moves a level.
 */
export async function pollZone(
  deps: Pick<CoreDeps, 'log' | 'clock' | 'zoneStates'> & { providers: ReadonlyMap<string, ForecastProvider> },
  plan: ForecastRules,
  zone: Zone,
  prior: ZoneState | undefined,
): Promise<ZoneReport> {
  const { forecast, failures } = await fetchWithFallback(zone, deps.providers);
  const now = deps.clock.now();
  const at = now.toISOString();
  const subject = `zone:${zone.id}`;
  for (const f of failures) {
    await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.failed', subject, details: { provider: f.provider }, reason: f.reason });
  }
  if (!forecast) {
    const failingSince = prior?.failingSince ?? at;
    const stale = now.getTime() - Date.parse(failingSince) >= plan.staleAfterMinutes * MINUTE_MS;
    const newlyStale = stale && !prior?.staleAlarmedAt;
    const state: ZoneState = {
      zoneId: zone.id, level: prior?.level ?? 'none', evidence: prior?.evidence ?? [], provider: prior?.provider ?? null,
      lastSuccessAt: prior?.lastSuccessAt ?? null, lastPollAt: at, lastError: failures.map((f) => `${f.provider}: ${f.reason}`).join(' | '),
      forecastLevel: prior?.forecastLevel ?? prior?.level ?? 'none', belowCount: prior?.belowCount ?? 0, recentMax: prior?.recentMax ?? 'none',
      watch: prior?.watch ?? false, watchLevel: prior?.watchLevel ?? 'none', watchNotifiedLevel: prior?.watchNotifiedLevel ?? 'none',
      failingSince, staleAlarmedAt: newlyStale ? at : (prior?.staleAlarmedAt ?? null),
      ...(prior?.hourly ? { hourly: prior.hourly } : {}),
    };
    await deps.zoneStates.putZoneState(state);
    if (newlyStale) {
      await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.stale', subject, details: { failingSince, staleAfterMinutes: plan.staleAfterMinutes, heldLevel: state.level, providers: failures.map((f) => f.provider) }, reason: state.lastError ?? 'every provider failed' });
    }
    return { zone, state, prior, failures, change: 'no-forecast', stale, newlyStale, newWatch: false };
  }

  if (forecast.warningsError) {
    await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.warnings-failed', subject, details: { provider: forecast.provider }, reason: forecast.warningsError });
  }
  for (const note of forecast.notes ?? []) {
    await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.note', subject, details: { provider: forecast.provider }, reason: note });
  }
  if (prior?.staleAlarmedAt) {
    await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.recovered', subject, details: { provider: forecast.provider, failingSince: prior.failingSince } });
  }
  const assessment = assessForecast(forecast, plan, now);
  const before = prior?.level ?? 'none';
  const next = applyHysteresis({ level: before, belowCount: prior?.belowCount ?? 0, recentMax: prior?.recentMax }, assessment.dueLevel, plan.downgradeAfterPolls);
  const notified = assessment.watch ? (prior?.watchNotifiedLevel ?? 'none') : 'none';
  const newWatch = assessment.watch && levelRank(assessment.watchLevel) > levelRank(notified) && levelRank(assessment.watchLevel) > levelRank(next.level);
  const state: ZoneState = {
    zoneId: zone.id, level: next.level, evidence: assessment.evidence, provider: forecast.provider,
    lastSuccessAt: at, lastPollAt: at, lastError: null,
    forecastLevel: assessment.dueLevel, belowCount: next.belowCount, recentMax: next.recentMax,
    watch: assessment.watch, watchLevel: assessment.watchLevel, watchNotifiedLevel: newWatch ? assessment.watchLevel : notified,
    failingSince: null, staleAlarmedAt: null, hourly: snowWaterAhead(forecast, now),
  };
  await deps.zoneStates.putZoneState(state);
  if (next.level !== before) {
    await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.level-changed', subject, details: { from: before, to: next.level, change: next.change, provider: forecast.provider, evidence: assessment.evidence } });
  } else if (next.change === 'holding' && (prior?.belowCount ?? 0) === 0) {
    await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.below-level', subject, details: { level: before, forecastLevel: assessment.dueLevel, pollsNeeded: plan.downgradeAfterPolls, provider: forecast.provider }, reason: `level holds until ${plan.downgradeAfterPolls} consecutive polls are below ${before}` });
  }
  if (newWatch) {
    await deps.log.append({ activationId: 'system', at, actor: 'poller', action: 'forecast.watch', subject, details: { watchLevel: assessment.watchLevel, dueLevel: assessment.dueLevel, leadTimeHours: plan.leadTimeHours, provider: forecast.provider, evidence: assessment.evidence.filter((e) => e.watch) } });
  }
  return { zone, state, prior, failures, forecast, assessment, change: next.change, stale: false, newlyStale: false, newWatch };
}
