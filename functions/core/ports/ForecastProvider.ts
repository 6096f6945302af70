import type { HourlyForecast } from '../forecast/HourlyForecast.ts';
import type { Zone } from '../registry/Zone.ts';

/** Fetches and normalises one zone's forecast; throws ForecastUnavailableError or ForecastValidationError. */
export interface ForecastProvider {
  readonly name: string;
  fetch(zone: Zone): Promise<HourlyForecast>;
}
