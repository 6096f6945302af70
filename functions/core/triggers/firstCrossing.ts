import type { ForecastHour } from '../forecast/HourlyForecast.ts';

const HOUR_MS = 3_600_000;

/**
 * The earliest window of `window` consecutive hours whose sum of `pick` reaches `threshold` (rounded to
 * 3 decimals, as maxWindowSum rounds), and the first hour in it with a positive value: when the weather
 * that crosses the threshold begins. Hours must be sorted by time; missing hours count as nothing.
 */
export function firstCrossing(
  hours: readonly ForecastHour[],
  window: number,
  threshold: number,
  pick: (h: ForecastHour) => number | null,
): { windowStart: string; startsAt: string } | undefined {
  if (hours.length === 0) return undefined;
  const start = Date.parse(hours[0]!.time);
  const slots = Math.round((Date.parse(hours[hours.length - 1]!.time) - start) / HOUR_MS) + 1;
  const values = new Float64Array(slots);
  for (const h of hours) values[Math.round((Date.parse(h.time) - start) / HOUR_MS)] = pick(h) ?? 0;
  const span = Math.min(window, slots);
  let sum = 0;
  for (let i = 0; i < slots; i++) {
    sum += values[i]!;
    if (i >= span) sum -= values[i - span]!;
    if (i >= span - 1 && Math.round(sum * 1000) / 1000 >= threshold) {
      const from = i - span + 1;
      let first = from;
      while (first < i && values[first]! <= 0) first++;
      return { windowStart: new Date(start + from * HOUR_MS).toISOString(), startsAt: new Date(start + first * HOUR_MS).toISOString() };
    }
  }
  return undefined;
}
