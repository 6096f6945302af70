import { round3, type ForecastHour } from '../forecast/HourlyForecast.ts';

/**
 * Liquid precipitation of an hour, mm: the provider's own figure, else total precipitation less snow
 * water when both are known. Unknown stays null: a gap is never read as dry or as rain.
 */
export function liquidMm(hour: ForecastHour): number | null {
  if (hour.liquidMm !== undefined && hour.liquidMm !== null) return hour.liquidMm;
  if (hour.precipitationMm === null || hour.snowWaterMm === null) return null;
  return round3(Math.max(0, hour.precipitationMm - hour.snowWaterMm));
}
