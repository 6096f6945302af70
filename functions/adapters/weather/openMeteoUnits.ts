import { ForecastValidationError } from '../../core/errors/ForecastValidationError.ts';

/** What an Open-Meteo variable measures, each read into one unit: mm, °C, m/s. */
export type OpenMeteoQuantity = 'length' | 'temperature' | 'speed';

// The unit strings Open-Meteo writes in hourly_units for each documented request option
// (temperature_unit celsius | fahrenheit, wind_speed_unit kmh | ms | mph | kn, precipitation_unit mm | inch;
// snow depth follows precipitation_unit as m | ft). "mp/h" is how the API spells miles per hour.
const TO_SI: Record<OpenMeteoQuantity, Record<string, (v: number) => number>> = {
  length: { mm: (v) => v, cm: (v) => v * 10, m: (v) => v * 1000, inch: (v) => v * 25.4, in: (v) => v * 25.4, ft: (v) => v * 304.8, feet: (v) => v * 304.8 },
  temperature: { '°C': (v) => v, '°F': (v) => ((v - 32) * 5) / 9 },
  speed: { 'm/s': (v) => v, 'km/h': (v) => v / 3.6, 'mp/h': (v) => v * 0.44704, mph: (v) => v * 0.44704, kn: (v) => v * 0.514444, kt: (v) => v * 0.514444 },
};

/**
 * The converter of one hourly variable into mm, °C or m/s, from its unit in `hourly_units`; undefined
 * when the model lacks the variable (unit "undefined", values null). Any other unit is refused, naming
 * the field and the unit.
 */
export function openMeteoConverter(variable: string, unit: string | undefined, quantity: OpenMeteoQuantity): ((v: number) => number) | undefined {
  if (unit === undefined || unit === 'undefined') return undefined;
  const convert = TO_SI[quantity][unit];
  if (!convert) {
    throw new ForecastValidationError('open-meteo', `hourly_units.${variable}`, `unit "${unit}" is not a ${quantity} unit snowops can convert (${Object.keys(TO_SI[quantity]).join(', ')})`);
  }
  return convert;
}
