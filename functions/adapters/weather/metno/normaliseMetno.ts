import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import { round3, waterMmToSnowCm, type ForecastHour, type HourlyForecast } from '../../../core/forecast/HourlyForecast.ts';
import { checkHours, DEFAULT_GAP_LIMITS, type GapLimits } from '../checkHours.ts';
import { metnoResponseSchema } from './metnoSchema.ts';
import { snowFraction } from './snowFraction.ts';

const PROVIDER = 'met-norway';
const HOUR_MS = 3_600_000;

interface Slot {
  precip: number | null;
  symbol?: string;
  temperatureC: number | null;
  gust: number | null;
}

/**
 * Validates a locationforecast body and normalises it. Periods look forward from `time`: next_1_hours
 * fills its hour; a next_6_hours block is spread evenly over those of its six hours no 1-hour period
 * covered (less what they already hold, never double-counted). Precipitation is liquid-equivalent mm;
 * snow water = precipitation × the symbol's snow share; snow depth cm = water × 7 / 10. Temperature is
 * the instant value at `time` (hours between 6-hourly steps have none: a gap).
 */
export function normaliseMetno(body: unknown, fetchedAt: string, limits: GapLimits = DEFAULT_GAP_LIMITS): HourlyForecast {
  const parsed = metnoResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ForecastValidationError(PROVIDER, issue.path.join('.') || 'body', issue.message);
  }
  const series = parsed.data.properties.timeseries;
  const slots = new Map<number, Slot>();
  const slot = (t: number): Slot => {
    let s = slots.get(t);
    if (!s) slots.set(t, (s = { precip: null, temperatureC: null, gust: null }));
    return s;
  };
  for (const entry of series) {
    const t = Date.parse(entry.time);
    const s = slot(t);
    s.temperatureC = entry.data.instant.details.air_temperature ?? null;
    s.gust = entry.data.instant.details.wind_speed_of_gust ?? null;
    const one = entry.data.next_1_hours;
    if (one?.details?.precipitation_amount !== undefined) {
      s.precip = one.details.precipitation_amount;
      s.symbol = one.summary?.symbol_code;
    }
  }
  const covered = new Set([...slots].filter(([, s]) => s.precip !== null).map(([t]) => t));
  for (const entry of series) {
    const six = entry.data.next_6_hours;
    const amount = six?.details?.precipitation_amount;
    if (amount === undefined) continue;
    const t0 = Date.parse(entry.time);
    const span = Array.from({ length: 6 }, (_, h) => t0 + h * HOUR_MS);
    const open = span.filter((t) => !covered.has(t));
    if (open.length === 0) continue;
    const already = span.filter((t) => covered.has(t)).reduce((sum, t) => sum + (slots.get(t)?.precip ?? 0), 0);
    const share = Math.max(0, amount - already) / open.length;
    for (const t of open) {
      const s = slot(t);
      s.precip = share;
      s.symbol = six?.summary?.symbol_code;
      covered.add(t);
    }
  }
  const times = [...slots.keys()].sort((a, b) => a - b);
  const hours: ForecastHour[] = [];
  for (let t = times[0]!; t <= times[times.length - 1]!; t += HOUR_MS) {
    const s = slots.get(t);
    const precip = s?.precip ?? null;
    const fraction = precip === null ? null : snowFraction(s?.symbol, s?.temperatureC ?? null);
    const water = precip === null || fraction === null ? null : round3(precip * fraction);
    hours.push({
      time: new Date(t).toISOString(),
      snowWaterMm: water,
      ...(water !== null && water > 0 ? { snowWaterFrom: s?.symbol ? 'met-norway precipitation_amount (liquid equivalent), phase from symbol_code' : 'met-norway precipitation_amount (liquid equivalent), phase from air_temperature (no symbol)' } : {}),
      snowfallCm: water === null ? null : round3(waterMmToSnowCm(water)),
      precipitationMm: precip === null ? null : round3(precip),
      temperatureC: s?.temperatureC ?? null,
      snowDepthCm: null,
      liquidMm: precip === null || fraction === null ? null : round3(precip * (1 - fraction)),
      windGustMs: s?.gust ?? null,
    });
  }
  checkHours(PROVIDER, 'properties.timeseries', hours, limits);
  const [longitude, latitude] = parsed.data.geometry.coordinates as [number, number];
  return { provider: PROVIDER, latitude, longitude, fetchedAt, hours };
}
