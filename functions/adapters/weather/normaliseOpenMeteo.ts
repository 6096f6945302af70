import { ForecastValidationError } from '../../core/errors/ForecastValidationError.ts';
import { round3, snowCmToWaterMm, type ForecastHour, type HourlyForecast } from '../../core/forecast/HourlyForecast.ts';
import { checkHours, DEFAULT_GAP_LIMITS, type GapLimits } from './checkHours.ts';
import { OPEN_METEO_HOURLY, openMeteoErrorSchema, openMeteoResponseSchema } from './openMeteoSchema.ts';

const PROVIDER = 'open-meteo';

/**
 * Validates an Open-Meteo body (parsed JSON) and normalises it. Conversions: snowfall cm of snow →
 * snow water mm × 10 / 7 (Open-Meteo: "7 cm snow = 10 mm precipitation water equivalent"); snow_depth
 * m → cm × 100; liquid = rain + showers (mm); gusts already m/s (wind_speed_unit=ms). Nulls stay gaps.
 */
export function normaliseOpenMeteo(body: unknown, fetchedAt: string, limits: GapLimits = DEFAULT_GAP_LIMITS): HourlyForecast {
  const error = openMeteoErrorSchema.safeParse(body);
  if (error.success) throw new ForecastValidationError(PROVIDER, 'body', `provider error: ${error.data.reason}`);
  const parsed = openMeteoResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ForecastValidationError(PROVIDER, issue.path.join('.') || 'body', issue.message);
  }
  const { hourly, utc_offset_seconds: offset } = parsed.data;
  const n = hourly.time.length;
  for (const key of OPEN_METEO_HOURLY) {
    const values = hourly[key];
    if (values && values.length !== n) {
      throw new ForecastValidationError(PROVIDER, `hourly.${key}`, `has ${values.length} values but hourly.time has ${n}`);
    }
  }
  const at = <T>(values: readonly (T | null)[] | undefined, i: number): T | null => values?.[i] ?? null;
  const hours: ForecastHour[] = hourly.time.map((local, i) => {
    // Open-Meteo times carry no offset: they are local to utc_offset_seconds (0 when timezone=GMT).
    const time = new Date(Date.parse(`${local}:00Z`) - offset * 1000).toISOString();
    const snowCm = at(hourly.snowfall, i);
    const depthM = at(hourly.snow_depth, i);
    const rain = at(hourly.rain, i);
    const showers = at(hourly.showers, i);
    return {
      time,
      snowfallCm: snowCm,
      snowWaterMm: snowCm === null ? null : round3(snowCmToWaterMm(snowCm)),
      precipitationMm: at(hourly.precipitation, i),
      temperatureC: at(hourly.temperature_2m, i),
      snowDepthCm: depthM === null ? null : round3(depthM * 100),
      liquidMm: rain === null && showers === null ? null : round3((rain ?? 0) + (showers ?? 0)),
      windGustMs: at(hourly.wind_gusts_10m, i),
    };
  });
  checkHours(PROVIDER, 'hourly.time', hours, limits);
  return { provider: PROVIDER, latitude: parsed.data.latitude, longitude: parsed.data.longitude, fetchedAt, hours };
}
