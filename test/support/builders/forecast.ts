import type { ForecastHour, HourlyForecast } from '../../../functions/core/forecast/HourlyForecast.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const FORECAST_START = '2026-12-14T00:00:00.000Z';

/** The UTC ISO time `hours` after `start`. */
export function isoPlusHours(start: string, hours: number): string {
  return new Date(Date.parse(start) + hours * HOUR_MS).toISOString();
}

/** One forecast hour carrying only snow water (mm); every other quantity is a gap. */
export function forecastHour(time: string, snowWaterMm: number | null): ForecastHour {
  return { time, snowWaterMm, snowfallCm: null, precipitationMm: null, temperatureC: null, snowDepthCm: null };
}

/** Consecutive hours of snow water (mm) from `start`, one value (or null gap) per hour. */
export function hoursOf(values: readonly (number | null)[], start: string = FORECAST_START): ForecastHour[] {
  return values.map((v, i) => forecastHour(isoPlusHours(start, i), v));
}

export function forecastOf(hours: ForecastHour[]): HourlyForecast {
  return { provider: 'test-provider', latitude: 35.24, longitude: 113.227, fetchedAt: FORECAST_START, hours };
}

/** A forecast of consecutive hourly snow water values (mm) from `start`. */
export function forecastOfValues(values: readonly (number | null)[], start: string = FORECAST_START): HourlyForecast {
  return forecastOf(hoursOf(values, start));
}

/** `total` mm of snow water falling evenly over `spread` hours, starting `offset` hours in, in a `length`-hour forecast of otherwise dry hours. */
export function storm({ total, spread, offset = 0, length = 24 }: { total: number; spread: number; offset?: number; length?: number }): number[] {
  return Array.from({ length }, (_, i) => (i >= offset && i < offset + spread ? total / spread : 0));
}
