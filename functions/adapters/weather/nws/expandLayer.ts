import type { NwsLayer } from './nwsSchemas.ts';
import { converterFor, type Quantity } from './convertUom.ts';
import { parseIsoInterval } from './parseIsoInterval.ts';

const HOUR_MS = 3_600_000;

export interface LayerSpec {
  name: string;
  quantity: Quantity;
  /** An amount over the interval (spread evenly over its hours) or a state (the same in each hour). */
  kind: 'amount' | 'state';
  min: number;
  /** Largest credible value per hour, in SI units. */
  max: number;
}

/**
 * Expands a gridpoint layer's run-length-encoded ISO 8601 intervals into hourly SI values (hour start
 * ms → value). A null stays null for every hour it covers. Throws `Error("<where>: <why>")`.
 */
export function expandLayer(layer: NwsLayer | undefined, spec: LayerSpec, nowMs: number): Map<number, number | null> {
  const hours = new Map<number, number | null>();
  if (!layer || layer.values.length === 0) return hours;
  let convert: (v: number) => number;
  try {
    convert = converterFor(layer.uom, spec.quantity);
  } catch (error) {
    throw new Error(`${spec.name}.uom: ${(error as Error).message}`);
  }
  layer.values.forEach((item, i) => {
    let interval: { startMs: number; hours: number };
    try {
      interval = parseIsoInterval(item.validTime, nowMs);
    } catch (error) {
      throw new Error(`${spec.name}.values[${i}].validTime: ${(error as Error).message}`);
    }
    let perHour: number | null = null;
    if (item.value !== null) {
      const si = convert(item.value);
      perHour = spec.kind === 'amount' ? si / interval.hours : si;
      if (perHour < spec.min || perHour > spec.max) {
        throw new Error(`${spec.name}.values[${i}].value: ${item.value} ${layer.uom} over ${interval.hours} h is ${Math.round(perHour * 1000) / 1000} per hour in SI, outside the credible ${spec.min}…${spec.max}`);
      }
    }
    for (let h = 0; h < interval.hours; h++) hours.set(interval.startMs + h * HOUR_MS, perHour);
  });
  return hours;
}
