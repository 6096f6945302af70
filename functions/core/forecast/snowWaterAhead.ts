import type { HourlyForecast } from './HourlyForecast.ts';

/** How far ahead the board's forecast strip reaches (two days: past the longest trigger window and the lead time). */
export const HOURS_AHEAD = 48;
const HOUR_MS = 3_600_000;

/** Snow water per hour from `from` (the start of an hour, UTC ISO), mm; null where the provider said nothing. */
export interface SnowWaterAhead {
  from: string;
  snowWaterMm: (number | null)[];
}

/**
 * The forecast's snow water from the hour holding `now`, one value per hour, at most HOURS_AHEAD of them:
 * hours the provider skipped are gaps (null), never zeros; nothing after its last hour is invented.
 */
export function snowWaterAhead(forecast: HourlyForecast, now: Date): SnowWaterAhead {
  const start = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const values: (number | null)[] = [];
  let last = -1;
  for (const hour of forecast.hours) {
    const i = Math.round((Date.parse(hour.time) - start) / HOUR_MS);
    if (i < 0 || i >= HOURS_AHEAD) continue;
    while (values.length <= i) values.push(null);
    values[i] = hour.snowWaterMm === null ? null : Math.round(hour.snowWaterMm * 100) / 100;
    last = Math.max(last, i);
  }
  return { from: new Date(start).toISOString(), snowWaterMm: values.slice(0, last + 1) };
}
