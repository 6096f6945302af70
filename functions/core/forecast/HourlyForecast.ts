import type { OfficialWarning } from './OfficialWarning.ts';

/**
 * The one hourly model every provider is normalised to. SI units, times in UTC (ISO 8601 with Z).
 * A null is a gap: the provider did not say. Gaps are never turned into zeros.
 */
export interface ForecastHour {
  /** Start of the hour, UTC, e.g. 2026-01-05T06:00:00.000Z; the values cover [time, time + 1 h). */
  time: string;
  /**
   * Frozen precipitation as liquid water equivalent, mm (what the CMA criteria measure): the provider's
   * own liquid amount where it gives one, a snow ratio only where nothing else exists.
   */
  snowWaterMm: number | null;
  /** Which number and layer snowWaterMm came from (present when it is above zero), for the evidence. */
  snowWaterFrom?: string;
  /** Snowfall as fresh snow depth, cm. */
  snowfallCm: number | null;
  /** Total precipitation (rain + snow water), mm. */
  precipitationMm: number | null;
  /** Air temperature at 2 m, °C. */
  temperatureC: number | null;
  /** Snow depth on the ground, cm. */
  snowDepthCm: number | null;
  /** Liquid precipitation (rain, drizzle, freezing rain), mm; absent or null when the provider does not say. */
  liquidMm?: number | null;
  /** Ice accretion from freezing rain, mm (NWS iceAccumulation). */
  iceMm?: number | null;
  /** Wind gusts at 10 m, m/s. */
  windGustMs?: number | null;
}

export interface HourlyForecast {
  provider: string;
  latitude: number;
  longitude: number;
  /** When the forecast was fetched, UTC ISO. */
  fetchedAt: string;
  hours: ForecastHour[];
  /** Official warnings in force or announced for the point (NWS alerts, CAP-style feeds). */
  warnings?: OfficialWarning[];
  /** Why the warnings could not be read, when the forecast itself could (the forecast is still used). */
  warningsError?: string;
  /** Non-fatal notes from the provider, e.g. MET Norway's 203 "deprecated" status. */
  notes?: string[];
}

/** Open-Meteo's stated ratio: 7 cm of snow = 10 mm of water. */
export const SNOW_CM_PER_WATER_MM = 0.7;

/** Water equivalent (mm) of a fresh snowfall depth (cm), by Open-Meteo's 7 cm : 10 mm ratio. */
export function snowCmToWaterMm(cm: number): number {
  return cm / SNOW_CM_PER_WATER_MM;
}

/** Fresh snow depth (cm) of a snow water equivalent (mm), by the same 7 cm : 10 mm ratio. */
export function waterMmToSnowCm(mm: number): number {
  return mm * SNOW_CM_PER_WATER_MM;
}

/** Rounds to 3 decimals, so that unit conversions do not print float noise. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
