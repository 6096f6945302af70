import type { ForecastHour } from '../forecast/HourlyForecast.ts';

export interface WindowSum {
  sum: number;
  startIndex: number;
  gapHours: number;
}

const HOUR_MS = 3_600_000;

/**
 * The largest sum of `pick` over any `window` consecutive hours. Gaps (null) add nothing, so a
 * sum with gaps is a lower bound; hours must be contiguous in time, a missing hour is a gap too.
 * Returns undefined when the forecast has no value at all.
 */
export function maxWindowSum(
  hours: readonly ForecastHour[],
  window: number,
  pick: (h: ForecastHour) => number | null,
): WindowSum | undefined {
  if (hours.length === 0) return undefined;
  const start = Date.parse(hours[0]!.time);
  const end = Date.parse(hours[hours.length - 1]!.time) + HOUR_MS;
  const slots = Math.round((end - start) / HOUR_MS);
  const values: (number | null)[] = new Array(slots).fill(null);
  for (const h of hours) values[Math.round((Date.parse(h.time) - start) / HOUR_MS)] = pick(h);
  let best: WindowSum | undefined;
  let sum = 0;
  let gaps = 0;
  let known = 0;
  const span = Math.min(window, slots);
  for (let i = 0; i < slots; i++) {
    const v = values[i] ?? null;
    if (v === null) gaps++;
    else { sum += v; known++; }
    if (i >= span) {
      const out = values[i - span] ?? null;
      if (out === null) gaps--;
      else sum -= out;
    }
    if (i >= span - 1 && (best === undefined || sum > best.sum + 1e-9)) {
      // A window longer than the forecast reaches past its end: those hours are unknown, so gaps too.
      best = { sum, startIndex: i - span + 1, gapHours: gaps + (window - span) };
    }
  }
  if (known === 0) return undefined;
  return best && { ...best, sum: Math.round(best.sum * 1000) / 1000 };
}

/** The UTC ISO time `index` hours after the first hour of the forecast. */
export function hourAt(hours: readonly ForecastHour[], index: number): string {
  return new Date(Date.parse(hours[0]!.time) + index * HOUR_MS).toISOString();
}
