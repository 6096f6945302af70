import { round3, snowCmToWaterMm } from '../../../core/forecast/HourlyForecast.ts';

// NWS weather kinds that fall frozen and count as snow for the blizzard criteria, and those that fall liquid.
const SNOW = new Set(['snow', 'snow_showers', 'blowing_snow']);
const LIQUID = new Set(['rain', 'rain_showers', 'drizzle', 'freezing_rain', 'freezing_drizzle', 'thunderstorms', 'sleet']);

export interface NwsHour {
  /** quantitativePrecipitation of the hour, mm liquid equivalent; undefined when the layer has no value there. */
  qpfMm: number | null | undefined;
  /** snowfallAmount of the hour, mm of fresh snow depth. */
  snowDepthMm: number | null | undefined;
  /** Weather kinds the `weather` layer names for the hour (empty: it names none); undefined when it says nothing. */
  kinds: ReadonlySet<string> | undefined;
  temperatureC: number | null | undefined;
}

/** The share of the hour's precipitation that is snow: 1, ½ for a mix, 0; null when nothing says. */
function snowShare(h: NwsHour): { share: number; phase: string } | null {
  const snowy = h.kinds ? [...h.kinds].some((k) => SNOW.has(k)) : false;
  const liquid = h.kinds ? [...h.kinds].some((k) => LIQUID.has(k)) : false;
  if ((h.snowDepthMm ?? 0) > 0) return liquid ? { share: 0.5, phase: 'snowfallAmount with rain in weather: half' } : { share: 1, phase: 'snowfallAmount' };
  if (h.snowDepthMm === 0) return { share: 0, phase: 'snowfallAmount 0' };
  if (h.kinds) {
    if (snowy) return liquid ? { share: 0.5, phase: 'weather: rain and snow, half' } : { share: 1, phase: 'weather: snow' };
    return { share: 0, phase: 'weather: no snow' };
  }
  if (h.temperatureC === null || h.temperatureC === undefined) return null;
  return h.temperatureC <= 0 ? { share: 1, phase: 'temperature ≤ 0 °C' } : { share: 0, phase: 'temperature > 0 °C' };
}

/**
 * Snow water of one NWS hour: the quantitativePrecipitation (liquid equivalent) times the share that
 * falls as snow, the phase decided by snowfallAmount, then the weather layer, then temperature. Only
 * when there is no QPF for the hour is the 7 cm : 10 mm ratio applied to snowfallAmount, and `from` says so.
 */
export function snowWaterOfHour(h: NwsHour): { water: number | null; from?: string } {
  if (h.qpfMm === 0) return { water: 0 };
  if (h.qpfMm !== null && h.qpfMm !== undefined) {
    const phase = snowShare(h);
    if (!phase) return { water: null };
    const water = round3(h.qpfMm * phase.share);
    return water > 0 ? { water, from: `nws quantitativePrecipitation (liquid equivalent), phase from ${phase.phase}` } : { water };
  }
  if (h.snowDepthMm === null || h.snowDepthMm === undefined) return { water: null };
  const water = round3(snowCmToWaterMm(h.snowDepthMm / 10));
  return water > 0 ? { water, from: 'nws snowfallAmount ÷ 0.7 (ratio: no quantitativePrecipitation for the hour)' } : { water };
}
