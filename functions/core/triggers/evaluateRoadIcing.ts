import type { ForecastHour } from '../forecast/HourlyForecast.ts';
import type { RoadIcingRule } from '../registry/RoadIcingRule.ts';
import type { Evidence } from './Evidence.ts';
import { liquidMm } from './liquidMm.ts';

const HOUR_MS = 3_600_000;

/**
 * The road-icing rule over hours sorted by time: the first hour not yet over at `now` that is at or below
 * the plan's temperature with liquid precipitation (or ice accretion) decides; every level whose
 * "within N hours" it falls inside fires.
 */
export function evaluateRoadIcing(hours: readonly ForecastHour[], rule: RoadIcingRule, now: Date, provider: string): Evidence[] {
  const nowMs = now.getTime();
  const icy = hours.find((h) => {
    if (Date.parse(h.time) + HOUR_MS <= nowMs) return false;
    if (h.temperatureC === null || h.temperatureC > rule.maxTemperatureC) return false;
    const liquid = liquidMm(h);
    return (h.iceMm ?? 0) > 0 || (liquid !== null && liquid > 0 && liquid >= rule.minLiquidMm);
  });
  if (!icy) return [];
  const startsMs = Math.max(nowMs, Date.parse(icy.time));
  const leadHours = (startsMs - nowMs) / HOUR_MS;
  const ice = icy.iceMm ?? 0;
  const liquid = liquidMm(icy) ?? 0;
  return rule.levels
    .filter((l) => leadHours <= l.withinHours)
    .map((l) => ({
      rule: `road-icing-${l.withinHours}h`,
      level: l.level,
      provider,
      value: ice > 0 ? ice : liquid,
      threshold: ice > 0 ? 0 : rule.minLiquidMm,
      unit: ice > 0 ? 'mm ice accretion' : `mm liquid at ≤ ${rule.maxTemperatureC} °C`,
      windowHours: l.withinHours,
      from: new Date(nowMs).toISOString(),
      to: new Date(nowMs + l.withinHours * HOUR_MS).toISOString(),
      gapHours: 0,
      startsAt: icy.time,
      text: `road icing: ${ice > 0 ? `${ice} mm ice` : `${liquid} mm rain`} at ${icy.temperatureC} °C from ${icy.time}, within ${l.withinHours} h`,
    }));
}
