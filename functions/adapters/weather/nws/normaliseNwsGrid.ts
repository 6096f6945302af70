import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import { round3, type ForecastHour, type HourlyForecast } from '../../../core/forecast/HourlyForecast.ts';
import { checkHours, DEFAULT_GAP_LIMITS, type GapLimits } from '../checkHours.ts';
import { expandLayer, type LayerSpec } from './expandLayer.ts';
import { expandWeather } from './expandWeather.ts';
import { snowWaterOfHour } from './snowWaterOfHour.ts';
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
 * (amounts divided evenly, states repeated), every unit converted to SI. Snow water is NWS's own liquid
 * equivalent, quantitativePrecipitation, for the share that falls as snow (snowWaterOfHour); the 7 : 10
 * ratio on snowfallAmount only where no QPF covers an hour. An empty layer (`"values": []`, as NWS sends
 * snowfallAmount where none is forecast) is no snow where QPF or the weather layer say so, a gap where
 * nothing does; a forecast with no usable hours is still refused.
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
  let weather: Map<number, ReadonlySet<string>>;
  try {
    for (const key of Object.keys(SPECS) as (keyof typeof SPECS)[]) layers[key] = expandLayer(p[key], SPECS[key], nowMs);
    weather = expandWeather(p.weather, nowMs);
  } catch (error) {
    const [where, ...why] = (error as Error).message.split(': ');
    throw new ForecastValidationError(PROVIDER, `properties.${where}`, why.join(': '));
  }
  const snow = layers.snowfallAmount!;
  const qpf = layers.quantitativePrecipitation!;
  if (snow.size === 0 && qpf.size === 0) throw new ForecastValidationError(PROVIDER, 'properties.quantitativePrecipitation.values', 'no precipitation values at all (and no snowfallAmount)');
  const starts = Object.values(layers).flatMap((m) => [...m.keys()]);
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const hours: ForecastHour[] = [];
  for (let t = first; t <= last; t += HOUR_MS) {
    const snowMm = snow.get(t);
    const temperatureC = r3(layers.temperature!.get(t));
    const { water, from } = snowWaterOfHour({ qpfMm: qpf.get(t), snowDepthMm: snowMm, kinds: weather.get(t), temperatureC });
    hours.push({
      time: new Date(t).toISOString(),
      snowfallCm: snowMm === undefined || snowMm === null ? (water === 0 ? 0 : null) : round3(snowMm / 10),
      snowWaterMm: water,
      ...(from ? { snowWaterFrom: from } : {}),
      precipitationMm: r3(qpf.get(t)),
      temperatureC,
      snowDepthCm: null,
      iceMm: r3(layers.iceAccumulation!.get(t)),
      windGustMs: r3(layers.windGust!.get(t)),
    });
  }
  checkHours(PROVIDER, 'properties.quantitativePrecipitation', hours, limits);
  return { provider: PROVIDER, latitude: point.latitude, longitude: point.longitude, fetchedAt, hours };
}
