/**
 * The one hourly model every provider is normalised to. SI units, times in UTC (ISO 8601 with Z).
 * A null is a gap: the provider did not say. Gaps are never turned into zeros.
 */
export interface ForecastHour {
  /** Start of the hour, UTC, e.g. 2026-01-05T06:00:00.000Z; the values cover [time, time + 1 h). */
  time: string;
  /** Snowfall as liquid water equivalent, mm. Open-Meteo: snowfall cm × 10 / 7. */
  snowWaterMm: number | null;
  /** Snowfall as fresh snow depth, cm. */
  snowfallCm: number | null;
  /** Total precipitation (rain + snow water), mm. */
  precipitationMm: number | null;
  /** Air temperature at 2 m, °C. */
  temperatureC: number | null;
  /** Snow depth on the ground, cm. */
  snowDepthCm: number | null;
}

export interface HourlyForecast {
  provider: string;
  latitude: number;
  longitude: number;
  /** When the forecast was fetched, UTC ISO. */
  fetchedAt: string;
  hours: ForecastHour[];
}

/** Open-Meteo's stated ratio: 7 cm of snow = 10 mm of water. */
export const SNOW_CM_PER_WATER_MM = 0.7;

/** Water equivalent (mm) of a fresh snowfall depth (cm), by Open-Meteo's 7 cm : 10 mm ratio. */
export function snowCmToWaterMm(cm: number): number {
  return cm / SNOW_CM_PER_WATER_MM;
}
