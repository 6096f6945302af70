import { openMeteoBody } from '../../support/weather/openMeteoBody.ts';

const HOUR_MS = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', '+00:00');

/**
 * Bodies in each provider's real format (the shapes of the recorded fixtures in test/fixtures/weather:
 * Open-Meteo /v1/forecast, NWS /points and raw /gridpoints, MET Norway locationforecast 2.0 compact),
 * built for the test's clock so that all three describe the same hours. `snowMmPerHour` is snow water.
 */
export function weatherBodies(start: string, snowMmPerHour: number, hours = 48) {
  const t0 = Math.floor(Date.parse(start) / HOUR_MS) * HOUR_MS; // providers publish whole hours
  const snowCm = Math.round(snowMmPerHour * 0.7 * 1000) / 1000;
  return {
    openMeteo: JSON.stringify(openMeteoBody(Array.from({ length: hours }, () => snowCm), { start: new Date(t0).toISOString() })),
    nwsPoints: JSON.stringify({ properties: { gridId: 'TAE', gridX: 58, gridY: 65, timeZone: 'Asia/Shanghai' } }),
    nwsGrid: JSON.stringify({
      type: 'Feature',
      properties: {
        updateTime: iso(t0), validTimes: `${iso(t0)}/PT${hours}H`,
        temperature: { uom: 'wmoUnit:degC', values: [{ validTime: `${iso(t0)}/PT${hours}H`, value: -2 }] },
        // Fresh snow depth in mm: 7 mm of snow per 1 mm of water.
        snowfallAmount: { uom: 'wmoUnit:mm', values: Array.from({ length: hours }, (_, i) => ({ validTime: `${iso(t0 + i * HOUR_MS)}/PT1H`, value: Math.round(snowMmPerHour * 7 * 1000) / 1000 })) },
        quantitativePrecipitation: { uom: 'wmoUnit:mm', values: [{ validTime: `${iso(t0)}/PT${hours}H`, value: snowMmPerHour * hours }] },
      },
    }),
    nwsAlerts: JSON.stringify({ type: 'FeatureCollection', features: [], title: 'Current watches, warnings, and advisories' }),
    metno: JSON.stringify({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [113.227, 35.24, 112] },
      properties: {
        meta: { updated_at: iso(t0).replace('+00:00', 'Z'), units: { air_temperature: 'celsius', precipitation_amount: 'mm' } },
        timeseries: Array.from({ length: hours }, (_, i) => ({
          time: new Date(t0 + i * HOUR_MS).toISOString().replace('.000Z', 'Z'),
          data: {
            instant: { details: { air_temperature: -2 } },
            next_1_hours: { summary: { symbol_code: snowMmPerHour > 0 ? 'heavysnow' : 'cloudy' }, details: { precipitation_amount: snowMmPerHour } },
          },
        })),
      },
    }),
  };
}
