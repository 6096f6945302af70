import { ForecastValidationError } from '../../core/errors/ForecastValidationError.ts';
import { round3, snowCmToWaterMm, type ForecastHour, type HourlyForecast } from '../../core/forecast/HourlyForecast.ts';
import { checkHours, DEFAULT_GAP_LIMITS, type GapLimits } from './checkHours.ts';
import { OPEN_METEO_HOURLY, openMeteoErrorSchema, openMeteoResponseSchema, type OpenMeteoResponse } from './openMeteoSchema.ts';
import { openMeteoConverter, type OpenMeteoQuantity } from './openMeteoUnits.ts';

const PROVIDER = 'open-meteo';
const LIQUID_BASIS = 'open-meteo precipitation − rain − showers (liquid equivalent)';
const RATIO_BASIS = 'open-meteo snowfall ÷ 0.7 (ratio: no rain and showers to subtract)';

type Variable = Exclude<(typeof OPEN_METEO_HOURLY)[number], 'weather_code'>;

// Each variable read into SI, then checked against what is credible in an hour (in the unit people read it in).
const VARIABLES: Record<Variable, { quantity: OpenMeteoQuantity; min: number; max: number; shown: string; per: number }> = {
  snowfall: { quantity: 'length', min: 0, max: 500, shown: 'cm', per: 10 },
  precipitation: { quantity: 'length', min: 0, max: 300, shown: 'mm', per: 1 },
  rain: { quantity: 'length', min: 0, max: 300, shown: 'mm', per: 1 },
  showers: { quantity: 'length', min: 0, max: 300, shown: 'mm', per: 1 },
  temperature_2m: { quantity: 'temperature', min: -90, max: 60, shown: '°C', per: 1 },
  snow_depth: { quantity: 'length', min: 0, max: 30_000, shown: 'm', per: 1000 },
  wind_gusts_10m: { quantity: 'speed', min: 0, max: 120, shown: 'm/s', per: 1 },
};

function readSeries(data: OpenMeteoResponse, key: Variable, n: number): (number | null)[] | undefined {
  const values = data.hourly[key];
  if (!values) return undefined;
  if (values.length !== n) throw new ForecastValidationError(PROVIDER, `hourly.${key}`, `has ${values.length} values but hourly.time has ${n}`);
  const spec = VARIABLES[key];
  const convert = openMeteoConverter(key, data.hourly_units[key], spec.quantity);
  if (!convert) return values.map(() => null);
  return values.map((v, i) => {
    if (v === null) return null;
    const si = convert(v);
    const shown = round3(si / spec.per);
    if (si < spec.min) throw new ForecastValidationError(PROVIDER, `hourly.${key}.${i}`, `${key} below ${spec.min / spec.per} ${spec.shown} is not credible${shown !== v ? ` (${v} ${data.hourly_units[key]})` : ''}`);
    if (si > spec.max) throw new ForecastValidationError(PROVIDER, `hourly.${key}.${i}`, `${key} over ${spec.max / spec.per} ${spec.shown} in an hour is not credible${shown !== v ? ` (${v} ${data.hourly_units[key]})` : ''}`);
    return si;
  });
}

/** Hour starts in UTC ms: unixtime is UTC seconds; iso8601 is local to utc_offset_seconds, without an offset. */
function readTimes(data: OpenMeteoResponse): number[] {
  const unix = data.hourly_units.time === 'unixtime';
  return data.hourly.time.map((t, i) => {
    if (unix) {
      if (typeof t !== 'number' || !Number.isInteger(t)) throw new ForecastValidationError(PROVIDER, `hourly.time.${i}`, `time must be whole UNIX seconds (hourly_units.time is unixtime), got ${JSON.stringify(t)}`);
      return t * 1000;
    }
    if (typeof t !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(t)) {
      throw new ForecastValidationError(PROVIDER, `hourly.time.${i}`, 'time must be YYYY-MM-DDTHH:mm (local to utc_offset_seconds)');
    }
    return Date.parse(`${t}:00Z`) - data.utc_offset_seconds * 1000;
  });
}

/**
 * Validates an Open-Meteo body (parsed JSON) in any documented unit and time format and normalises it to
 * SI. Snow water is the liquid equivalent Open-Meteo itself gives: precipitation less rain and showers
 * (by its definition equal to snowfall ÷ 0.7); only when rain or showers are missing is the 7 cm : 10 mm
 * ratio applied to snowfall, and each hour says which (snowWaterFrom). Nulls stay gaps.
 */
export function normaliseOpenMeteo(body: unknown, fetchedAt: string, limits: GapLimits = DEFAULT_GAP_LIMITS): HourlyForecast {
  const error = openMeteoErrorSchema.safeParse(body);
  if (error.success) throw new ForecastValidationError(PROVIDER, 'body', `provider error: ${error.data.reason}`);
  const parsed = openMeteoResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ForecastValidationError(PROVIDER, issue.path.join('.') || 'body', issue.message);
  }
  const data = parsed.data;
  const n = data.hourly.time.length;
  if (data.hourly.weather_code && data.hourly.weather_code.length !== n) {
    throw new ForecastValidationError(PROVIDER, 'hourly.weather_code', `has ${data.hourly.weather_code.length} values but hourly.time has ${n}`);
  }
  const times = readTimes(data);
  const v = Object.fromEntries((Object.keys(VARIABLES) as Variable[]).map((k) => [k, readSeries(data, k, n)])) as Record<Variable, (number | null)[] | undefined>;
  const at = (key: Variable, i: number): number | null => v[key]?.[i] ?? null;
  const hours: ForecastHour[] = times.map((t, i) => {
    const snowMm = at('snowfall', i);
    const snowCm = snowMm === null ? null : round3(snowMm / 10);
    const precipitation = at('precipitation', i);
    const rain = at('rain', i);
    const showers = at('showers', i);
    const liquid = rain === null || showers === null ? null : rain + showers;
    const fromLiquid = precipitation !== null && liquid !== null;
    const water = fromLiquid ? round3(Math.max(0, precipitation - liquid)) : snowCm === null ? null : round3(snowCmToWaterMm(snowCm));
    const depth = at('snow_depth', i);
    const gust = at('wind_gusts_10m', i);
    const temperature = at('temperature_2m', i);
    return {
      time: new Date(t).toISOString(),
      snowfallCm: snowCm,
      snowWaterMm: water,
      ...(water !== null && water > 0 ? { snowWaterFrom: fromLiquid ? LIQUID_BASIS : RATIO_BASIS } : {}),
      precipitationMm: precipitation === null ? null : round3(precipitation),
      temperatureC: temperature === null ? null : round3(temperature),
      snowDepthCm: depth === null ? null : round3(depth / 10),
      liquidMm: rain === null && showers === null ? null : round3((rain ?? 0) + (showers ?? 0)),
      windGustMs: gust === null ? null : round3(gust),
    };
  });
  checkHours(PROVIDER, 'hourly.time', hours, limits);
  return { provider: PROVIDER, latitude: data.latitude, longitude: data.longitude, fetchedAt, hours };
}
