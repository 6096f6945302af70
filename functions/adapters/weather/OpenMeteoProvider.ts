import axios, { type AxiosInstance } from 'axios';
import { ForecastUnavailableError } from '../../core/errors/ForecastUnavailableError.ts';
import { ForecastValidationError } from '../../core/errors/ForecastValidationError.ts';
import type { HourlyForecast } from '../../core/forecast/HourlyForecast.ts';
import type { Clock } from '../../core/ports/Clock.ts';
import type { ForecastProvider } from '../../core/ports/ForecastProvider.ts';
import type { Zone } from '../../core/registry/Zone.ts';
import { normaliseOpenMeteo } from './normaliseOpenMeteo.ts';

export interface OpenMeteoOptions {
  baseUrl: string;
  timeoutMs?: number;
  forecastDays?: number;
}

/** Open-Meteo /v1/forecast over HTTP (axios), validated with zod and normalised. */
export class OpenMeteoProvider implements ForecastProvider {
  readonly name = 'open-meteo';
  private readonly http: AxiosInstance;

  constructor(
    private readonly options: OpenMeteoOptions,
    private readonly clock: Clock,
  ) {
    // The body is read as text so that a non-JSON answer is reported as what it is.
    this.http = axios.create({ baseURL: options.baseUrl, timeout: options.timeoutMs ?? 10_000, responseType: 'text', transformResponse: [(d: unknown) => d], validateStatus: () => true });
  }

  async fetch(zone: Zone): Promise<HourlyForecast> {
    let response;
    try {
      response = await this.http.get<string>('/v1/forecast', {
        params: {
          latitude: zone.latitude, longitude: zone.longitude,
          hourly: 'snowfall,precipitation,temperature_2m,snow_depth',
          timezone: 'GMT', forecast_days: this.options.forecastDays ?? 3,
        },
      });
    } catch (error) {
      throw new ForecastUnavailableError(this.name, error instanceof Error ? error.message : String(error));
    }
    const text = typeof response.data === 'string' ? response.data : '';
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      const snippet = text.slice(0, 80).replace(/\s+/g, ' ');
      if (response.status >= 400) throw new ForecastUnavailableError(this.name, `HTTP ${response.status}: ${snippet}`, response.status);
      throw new ForecastValidationError(this.name, 'body', `not JSON (${text.length === 0 ? 'empty body' : `starts "${snippet}"`})`);
    }
    if (response.status >= 400) {
      const reason = (body as { reason?: unknown })?.reason;
      throw new ForecastUnavailableError(this.name, `HTTP ${response.status}${typeof reason === 'string' ? `: ${reason}` : ''}`, response.status);
    }
    return normaliseOpenMeteo(body, this.clock.now().toISOString());
  }
}
