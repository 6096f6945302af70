import { ForecastValidationError } from '../../core/errors/ForecastValidationError.ts';
import type { ForecastHour } from '../../core/forecast/HourlyForecast.ts';

const HOUR_MS = 3_600_000;

export interface GapLimits {
  /** A run of this many hours without snow data in the horizon makes the forecast unusable (default 6: the shortest blizzard window). */
  maxGapHours: number;
  /** Hours from the first that are checked (default 48: the hours decisions are made on). */
  horizonHours: number;
}

export const DEFAULT_GAP_LIMITS: GapLimits = { maxGapHours: 6, horizonHours: 48 };

/**
 * Rejects what a duty officer could not trust: hours that do not increase, and a long run without snow
 * data near the front of the forecast (a short gap stays a gap: never a zero, never a failure).
 */
export function checkHours(provider: string, where: string, hours: readonly ForecastHour[], limits: GapLimits = DEFAULT_GAP_LIMITS): void {
  if (hours.length === 0) throw new ForecastValidationError(provider, where, 'no hours in the forecast');
  const times = hours.map((h) => Date.parse(h.time));
  for (let i = 1; i < hours.length; i++) {
    if (times[i]! <= times[i - 1]!) {
      throw new ForecastValidationError(provider, `${where}[${i}]`, `times must increase (${hours[i - 1]!.time} then ${hours[i]!.time})`);
    }
  }
  const start = times[0]!;
  const end = start + limits.horizonHours * HOUR_MS;
  let runStart: number | undefined;
  let expected = start;
  const close = (at: number) => {
    if (runStart !== undefined && (at - runStart) / HOUR_MS >= limits.maxGapHours) {
      throw new ForecastValidationError(provider, where, `no snowfall data for ${(at - runStart) / HOUR_MS} consecutive hours from ${new Date(runStart).toISOString()} (at most ${limits.maxGapHours - 1} allowed in the first ${limits.horizonHours} h)`);
    }
  };
  for (const [i, h] of hours.entries()) {
    const t = times[i]!;
    if (t >= end) break;
    if (t > expected) runStart ??= expected; // missing hours are a gap too
    if (h.snowWaterMm === null) runStart ??= t;
    else {
      close(t);
      runStart = undefined;
    }
    expected = t + HOUR_MS;
  }
  close(Math.min(end, expected));
}
