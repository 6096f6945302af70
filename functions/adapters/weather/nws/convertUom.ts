/** Quantities snowops reads from NWS layers, each converted to one SI unit. */
export type Quantity = 'length-mm' | 'temperature-c' | 'speed-ms';

// Namespaces seen: wmoUnit: (current), wmo: and unit: (older), nwsUnit: (custom).
const bare = (uom: string) => uom.replace(/^(wmoUnit|wmo|unit|nwsUnit):/, '');

const CONVERSIONS: Record<Quantity, Record<string, (v: number) => number>> = {
  'length-mm': { mm: (v) => v, cm: (v) => v * 10, m: (v) => v * 1000, in: (v) => v * 25.4, '[in_i]': (v) => v * 25.4 },
  'temperature-c': { degC: (v) => v, degF: (v) => ((v - 32) * 5) / 9, '[degF]': (v) => ((v - 32) * 5) / 9, K: (v) => v - 273.15 },
  'speed-ms': { 'm_s-1': (v) => v, 'km_h-1': (v) => v / 3.6, kt: (v) => v * 0.514444, '[kn_i]': (v) => v * 0.514444, 'mi_h-1': (v) => v * 0.44704, '[mi_i]_h-1': (v) => v * 0.44704 },
};

/** The converter from a layer's `uom` to the quantity's SI unit; throws naming the unit when it is not one snowops knows. */
export function converterFor(uom: string | undefined, quantity: Quantity): (v: number) => number {
  if (!uom) throw new Error(`uom is missing (expected a ${quantity.split('-')[0]} unit)`);
  const convert = CONVERSIONS[quantity][bare(uom)];
  if (!convert) throw new Error(`unit "${uom}" is not a ${quantity.split('-')[0]} unit snowops can convert`);
  return convert;
}
