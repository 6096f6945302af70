import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import { round3, snowCmToWaterMm, type ForecastHour, type HourlyForecast } from '../../../core/forecast/HourlyForecast.ts';
import { checkHours, DEFAULT_GAP_LIMITS, type GapLimits } from '../checkHours.ts';
import { expandLayer, type LayerSpec } from './expandLayer.ts';
import { nwsGridSchema } from './nwsSchemas.ts';

const PROVIDER = 'nws';
const HOUR_MS = 3_600_000;

const SPECS = {
  snowfallAmount: { name: 'snowfallAmount', quantity: 'length-mm', kind: 'amount', min: 0, max: 500 },
  quantitativePrecipitation: { name: 'quantitativePrecipitation', quantity: 'length-mm', kind: 'amount', min: 0, max: 300 },
  iceAccumulation: { name: 'iceAccumulation', quantity: 'length-mm', kind: 'amount', min: 0, max: 100 },
  temperature: { name: 'temperature', quantity: 'temperature-c', kind: 'state', min: -90, max: 60 },
  windGust: { name: 'windGust', quantity: 'speed-ms', kind: 'state', min: 0, max: 120 },
} as const satisfies Record<string, LayerSpec>;

const r3 = (v: number | null | undefined) => (v === null || v === undefined ? null : round3(v));

/**
 * Validates raw /gridpoints layers and normalises them. Interval values are spread over their hours
 * (amounts divided evenly, states repeated). Conversions: snowfallAmount is fresh snow depth (uom,
 * usually mm) → cm ÷ 10; snow water mm = cm × 10 / 7 (the same 7 cm : 10 mm ratio as Open-Meteo);
 * quantitativePrecipitation is liquid-equivalent mm; iceAccumulation mm; windGust → m/s.
 */
export function normaliseNwsGrid(body: unknown, point: { latitude: number; longitude: number }, fetchedAt: string, limits: GapLimits = DEFAULT_GAP_LIMITS): HourlyForecast {
  const parsed = nwsGridSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ForecastValidationError(PROVIDER, issue.path.join('.') || 'body', issue.message);
  }
  const p = parsed.data.properties;
  const nowMs = Date.parse(fetchedAt);
  const layers: Partial<Record<keyof typeof SPECS, Map<number, number | null>>> = {};
  for (const key of Object.keys(SPECS) as (keyof typeof SPECS)[]) {
    try {
      layers[key] = expandLayer(p[key], SPECS[key], nowMs);
    } catch (error) {
      const [where, ...why] = (error as Error).message.split(': ');
      throw new ForecastValidationError(PROVIDER, `properties.${where}`, why.join(': '));
    }
  }
  const snow = layers.snowfallAmount!;
  if (snow.size === 0) throw new ForecastValidationError(PROVIDER, 'properties.snowfallAmount.values', 'no snowfall values at all');
  const starts = Object.values(layers).flatMap((m) => [...m.keys()]);
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const hours: ForecastHour[] = [];
  for (let t = first; t <= last; t += HOUR_MS) {
    const snowMm = snow.get(t);
    const cm = snowMm === undefined || snowMm === null ? null : round3(snowMm / 10);
    hours.push({
      time: new Date(t).toISOString(),
      snowfallCm: cm,
      snowWaterMm: cm === null ? null : round3(snowCmToWaterMm(cm)),
      precipitationMm: r3(layers.quantitativePrecipitation!.get(t)),
      temperatureC: r3(layers.temperature!.get(t)),
      snowDepthCm: null,
      iceMm: r3(layers.iceAccumulation!.get(t)),
      windGustMs: r3(layers.windGust!.get(t)),
    });
  }
  checkHours(PROVIDER, 'properties.snowfallAmount', hours, limits);
  return { provider: PROVIDER, latitude: point.latitude, longitude: point.longitude, fetchedAt, hours };
}
