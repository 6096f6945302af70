import type { HourlyForecast } from '../../core/forecast/HourlyForecast.ts';
import type { Clock } from '../../core/ports/Clock.ts';
import type { ForecastProvider } from '../../core/ports/ForecastProvider.ts';
import type { Zone } from '../../core/registry/Zone.ts';
import type { GapLimits } from './checkHours.ts';
import { ProviderHttp, type ProviderHttpOptions } from './http/ProviderHttp.ts';
import { normaliseOpenMeteo } from './normaliseOpenMeteo.ts';
import { OPEN_METEO_HOURLY } from './openMeteoSchema.ts';

export interface OpenMeteoOptions extends Omit<ProviderHttpOptions, 'provider'> {
  forecastDays?: number;
  /** Customer API key (customer-api.open-meteo.com); the free API takes none. */
  apiKey?: string;
  gapLimits?: GapLimits;
}

/** Open-Meteo /v1/forecast over HTTP, validated with zod and normalised; errors carry Open-Meteo's `reason`. */
export class OpenMeteoProvider implements ForecastProvider {
  readonly name = 'open-meteo';
  private readonly http: ProviderHttp;

  constructor(
    private readonly options: OpenMeteoOptions,
    private readonly clock: Clock,
  ) {
    this.http = new ProviderHttp({ ...options, provider: this.name });
  }

  async fetch(zone: Zone): Promise<HourlyForecast> {
    const { body } = await this.http.getJson('/v1/forecast', {
      latitude: zone.latitude.toFixed(4),
      longitude: zone.longitude.toFixed(4),
      hourly: OPEN_METEO_HOURLY.join(','),
      timezone: 'GMT',
      wind_speed_unit: 'ms',
      forecast_days: this.options.forecastDays ?? 3,
      ...(this.options.apiKey ? { apikey: this.options.apiKey } : {}),
    });
    return normaliseOpenMeteo(body, this.clock.now().toISOString(), this.options.gapLimits);
  }
}
