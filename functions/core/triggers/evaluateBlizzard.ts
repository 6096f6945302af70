import type { HourlyForecast } from '../forecast/HourlyForecast.ts';
import { levelRank, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { BlizzardThreshold } from '../registry/CityPlan.ts';
import type { Assessment } from './Assessment.ts';
import type { Evidence } from './Evidence.ts';
import { hourAt, maxWindowSum } from './maxWindowSum.ts';

/** Evaluates a plan's blizzard thresholds over rolling windows: the highest level any window reaches, with evidence. */
export function evaluateBlizzard(forecast: HourlyForecast, thresholds: readonly BlizzardThreshold[]): Assessment {
  const evidence: Evidence[] = [];
  let level: ResponseLevel = 'none';
  for (const t of thresholds) {
    const best = maxWindowSum(forecast.hours, t.windowHours, (h) => h.snowWaterMm);
    if (!best || best.sum < t.waterMm) continue;
    const from = hourAt(forecast.hours, best.startIndex);
    const to = hourAt(forecast.hours, best.startIndex + t.windowHours);
    const basis = [...new Set(forecast.hours.filter((h) => h.time >= from && h.time < to && h.snowWaterFrom).map((h) => h.snowWaterFrom!))].join('; ');
    evidence.push({
      rule: `blizzard-${t.windowHours}h`,
      level: t.level,
      provider: forecast.provider,
      value: best.sum,
      threshold: t.waterMm,
      unit: 'mm snow water',
      windowHours: t.windowHours,
      from,
      to,
      gapHours: best.gapHours,
      ...(basis ? { basis } : {}),
    });
    if (levelRank(t.level) > levelRank(level)) level = t.level;
  }
  evidence.sort((a, b) => levelRank(b.level) - levelRank(a.level));
  return { level, evidence };
}
