import { ForecastValidationError } from '../../core/errors/ForecastValidationError.ts';
import { snowCmToWaterMm, type HourlyForecast } from '../../core/forecast/HourlyForecast.ts';
import { openMeteoErrorSchema, openMeteoResponseSchema } from './openMeteoSchema.ts';

const PROVIDER = 'open-meteo';

/** Validates an Open-Meteo body (already parsed JSON) and normalises it to the hourly model. */
export function normaliseOpenMeteo(body: unknown, fetchedAt: string): HourlyForecast {
  const error = openMeteoErrorSchema.safeParse(body);
  if (error.success) throw new ForecastValidationError(PROVIDER, 'body', `provider error: ${error.data.reason}`);
  const parsed = openMeteoResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ForecastValidationError(PROVIDER, issue.path.join('.') || 'body', issue.message);
  }
  const { hourly, utc_offset_seconds: offset } = parsed.data;
  const n = hourly.time.length;
  for (const key of ['snowfall', 'precipitation', 'temperature_2m', 'snow_depth'] as const) {
    const values = hourly[key];
    if (values && values.length !== n) {
      throw new ForecastValidationError(PROVIDER, `hourly.${key}`, `has ${values.length} values but hourly.time has ${n}`);
    }
  }
  const hours = hourly.time.map((local, i) => {
    // Open-Meteo times carry no offset: they are local to utc_offset_seconds (0 when timezone=GMT).
    const time = new Date(Date.parse(`${local}:00Z`) - offset * 1000).toISOString();
    const snowCm = hourly.snowfall[i] ?? null;
    const depthM = hourly.snow_depth?.[i] ?? null;
    return {
      time,
      snowfallCm: snowCm,
      snowWaterMm: snowCm === null ? null : Math.round(snowCmToWaterMm(snowCm) * 1000) / 1000,
      precipitationMm: hourly.precipitation?.[i] ?? null,
      temperatureC: hourly.temperature_2m?.[i] ?? null,
      snowDepthCm: depthM === null ? null : Math.round(depthM * 1000) / 10,
    };
  });
  for (let i = 1; i < hours.length; i++) {
    if (Date.parse(hours[i]!.time) <= Date.parse(hours[i - 1]!.time)) {
      throw new ForecastValidationError(PROVIDER, `hourly.time[${i}]`, 'times must increase');
    }
  }
  return { provider: PROVIDER, latitude: parsed.data.latitude, longitude: parsed.data.longitude, fetchedAt, hours };
}
