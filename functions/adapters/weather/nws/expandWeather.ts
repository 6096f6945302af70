import type { NwsWeatherLayer } from './nwsSchemas.ts';
import { parseIsoInterval } from './parseIsoInterval.ts';

const HOUR_MS = 3_600_000;

/**
 * The `weather` layer by hour: the kinds of weather named for each hour it covers (an empty set where it
 * names none, e.g. `"weather": null`). Throws `Error("<where>: <why>")` on a bad interval.
 */
export function expandWeather(layer: NwsWeatherLayer | undefined, nowMs: number): Map<number, ReadonlySet<string>> {
  const hours = new Map<number, ReadonlySet<string>>();
  layer?.values.forEach((item, i) => {
    let interval: { startMs: number; hours: number };
    try {
      interval = parseIsoInterval(item.validTime, nowMs);
    } catch (error) {
      throw new Error(`weather.values[${i}].validTime: ${(error as Error).message}`);
    }
    const kinds = new Set(item.value.map((v) => v.weather).filter((k): k is string => typeof k === 'string' && k.length > 0));
    for (let h = 0; h < interval.hours; h++) hours.set(interval.startMs + h * HOUR_MS, kinds);
  });
  return hours;
}
