import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { levelRank } from '../../core/levels/ResponseLevel.ts';
import type { ZoneState } from '../../core/operations/ZoneState.ts';
import type { PollResult } from '../../core/poll/pollCity.ts';
import { DIMENSION, METRIC } from '../../config/metrics.ts';
import type { Telemetry } from './Telemetry.ts';

/** A zone that has never had a good forecast counts as a week old: stale by any plan, and still drawable. */
const NEVER_MINUTES = 7 * 24 * 60;

/** Minutes since the zone's last good forecast. */
export function forecastAgeMinutes(zone: ZoneState, now: Date): number {
  if (!zone.lastSuccessAt) return NEVER_MINUTES;
  return Math.min(NEVER_MINUTES, Math.max(0, (now.getTime() - Date.parse(zone.lastSuccessAt)) / 60_000));
}

/**
 * What one poll found, from pollCity's result: the poll, each zone's level, the zones core judged stale
 * (the stale-forecast alarm) and the oldest forecast's age. Provider failures are counted per provider
 * from the response log (observeResponseLog), so they are not repeated here.
 */
export function emitPollMetrics(telemetry: Telemetry, result: Pick<PollResult, 'zones' | 'metrics'>, now: Date): void {
  telemetry.count(METRIC.polls);
  telemetry.count(METRIC.staleZones, result.metrics.staleZones);
  for (const zone of result.zones) {
    telemetry.record(METRIC.zoneLevel, MetricUnit.NoUnit, levelRank(zone.level), { name: DIMENSION.zone, value: zone.zoneId });
  }
  // A city with no zones has nothing stale; the dashboard then sees 0, not a missing datapoint.
  const oldest = Math.max(0, ...result.zones.map((zone) => forecastAgeMinutes(zone, now)));
  telemetry.record(METRIC.forecastAgeMinutes, MetricUnit.NoUnit, Math.round(oldest));
}
