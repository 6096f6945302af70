import type { ForecastHour, HourlyForecast } from '../forecast/HourlyForecast.ts';
import { levelRank, maxLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import { forecastRules } from '../registry/CityPlan.ts';
import { describeEvidence } from './describeEvidence.ts';
import type { Evidence } from './Evidence.ts';
import { evaluateBlizzard } from './evaluateBlizzard.ts';
import { evaluateRoadIcing } from './evaluateRoadIcing.ts';
import { evaluateWarnings } from './evaluateWarnings.ts';
import { firstCrossing } from './firstCrossing.ts';
import { resolveWarnings } from './resolveWarnings.ts';
import type { ForecastAssessment } from './ForecastAssessment.ts';

const HOUR_MS = 3_600_000;

type Rules = Parameters<typeof forecastRules>[0];

/**
 * Assesses a forecast against a plan at `now`: blizzard windows ("expected, or already reached and
 * continuing": a window counts only if it reaches the next snowy hour from now), road icing, official warnings. The
 * level is the highest any rule gives; rules whose weather begins beyond the lead time are a watch.
 */
export function assessForecast(forecast: HourlyForecast, planRules: Rules, now: Date): ForecastAssessment {
  const plan = forecastRules(planRules);
  // Sorted once, so that nothing depends on the order the provider listed its hours in.
  const timed = forecast.hours.map((h) => ({ h, t: Date.parse(h.time) })).sort((a, b) => a.t - b.t);
  const hours = timed.map((x) => x.h);
  const nowMs = now.getTime();
  const currentHour = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const evidence: Evidence[] = [];
  // Snow already fallen counts only while it keeps snowing: every window must reach the next snowy hour.
  const nextSnow = timed.find((x) => x.t >= currentHour && (x.h.snowWaterMm ?? 0) > 0);
  for (const threshold of nextSnow ? plan.blizzardThresholds : []) {
    const earliest = nextSnow!.t - (threshold.windowHours - 1) * HOUR_MS;
    const inReach: ForecastHour[] = timed.filter((x) => x.t >= earliest).map((x) => x.h);
    const fired = evaluateBlizzard({ ...forecast, hours: inReach }, [threshold]).evidence[0];
    if (!fired) continue;
    const crossing = firstCrossing(inReach, threshold.windowHours, threshold.waterMm, (h) => h.snowWaterMm);
    const startsAt = crossing ? new Date(Math.max(nowMs, Date.parse(crossing.startsAt))).toISOString() : fired.from;
    evidence.push({ ...fired, startsAt });
  }
  evidence.push(...evaluateRoadIcing(hours, plan.roadIcing, now, forecast.provider));
  evidence.push(...evaluateWarnings(resolveWarnings(forecast.warnings ?? [], now), plan.warningRules, now, forecast.provider));

  const dueBy = nowMs + plan.leadTimeHours * HOUR_MS;
  let level: ResponseLevel = 'none';
  let dueLevel: ResponseLevel = 'none';
  for (const e of evidence) {
    const watch = e.watch === true || Date.parse(e.startsAt ?? e.from) > dueBy;
    if (watch) e.watch = true;
    else delete e.watch;
    e.text ??= describeEvidence(e);
    level = maxLevel(level, e.level);
    if (!watch) dueLevel = maxLevel(dueLevel, e.level);
  }
  evidence.sort((a, b) => levelRank(b.level) - levelRank(a.level) || (a.startsAt ?? a.from).localeCompare(b.startsAt ?? b.from) || a.rule.localeCompare(b.rule));
  const watch = levelRank(level) > levelRank(dueLevel);
  return { level, dueLevel, watch, watchLevel: watch ? level : 'none', evidence };
}
