import type { ForecastHour, HourlyForecast } from '../../../functions/core/forecast/HourlyForecast.ts';
import type { OfficialWarning } from '../../../functions/core/forecast/OfficialWarning.ts';
import { cityPlanSchema, type CityPlan } from '../../../functions/core/registry/CityPlan.ts';

export const HOUR_MS = 3_600_000;
export const T0 = '2026-12-14T00:00:00.000Z';

export const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

/** An hour of the normalised model: dry, −2 °C, unless told otherwise. Snow water implies the same total precipitation. */
export function hour(time: string, fields: Partial<ForecastHour> = {}): ForecastHour {
  const snow = fields.snowWaterMm ?? 0;
  return { time, snowWaterMm: snow, snowfallCm: snow === null ? null : snow * 0.7, precipitationMm: snow, temperatureC: -2, snowDepthCm: null, ...fields };
}

/** Hours from `start` with the given snow water (mm) each. */
export function snowHours(values: readonly (number | null)[], start = T0): ForecastHour[] {
  return values.map((v, i) => hour(plus(start, i), { snowWaterMm: v, precipitationMm: v }));
}

export function forecast(hours: ForecastHour[], warnings: OfficialWarning[] = []): HourlyForecast {
  return { provider: 'test', latitude: 35.24, longitude: 113.227, fetchedAt: hours[0]?.time ?? T0, hours, warnings };
}

/** A plan with the schema's defaults (CMA thresholds, road icing, warning rules, lead 6 h, 3 polls, 60 min). */
export function plan(overrides: Partial<CityPlan> = {}): CityPlan {
  return cityPlanSchema.parse({
    id: 'test', city: 'Test', timeZone: 'Asia/Shanghai', defaultLanguage: 'en', activationPolicy: 'auto',
    tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] }, shiftHours: 8, travelSpeedKmPerH: 20, startLeadMinutes: 30,
    dutyOfficerPhone: '+8613900390000', ...overrides,
  });
}

/** `total` mm of snow water spread over `spread` hours starting `offset` hours after T0, in `length` hours. */
export function storm(total: number, spread: number, offset = 0, length = 48): (number | null)[] {
  return Array.from({ length }, (_, i) => (i >= offset && i < offset + spread ? total / spread : 0));
}
