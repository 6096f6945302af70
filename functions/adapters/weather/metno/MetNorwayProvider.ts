import type { HourlyForecast } from '../../../core/forecast/HourlyForecast.ts';
import type { Clock } from '../../../core/ports/Clock.ts';
import type { ForecastProvider } from '../../../core/ports/ForecastProvider.ts';
import type { Zone } from '../../../core/registry/Zone.ts';
import type { GapLimits } from '../checkHours.ts';
import { ProviderHttp, type ProviderHttpOptions } from '../http/ProviderHttp.ts';
import { normaliseMetno } from './normaliseMetno.ts';

export interface MetNorwayOptions extends Omit<ProviderHttpOptions, 'provider' | 'userAgent'> {
  /** Required by the terms of service: application name and version, and a contact. */
  userAgent: string;
  gapLimits?: GapLimits;
}

/**
 * MET Norway locationforecast 2.0 compact. Its terms ask for an identifying User-Agent, at most 4
 * decimals, and no request before `Expires` (then `If-Modified-Since`): ProviderHttp's cache does both.
 * A 203 means the product is deprecated: the forecast is used and a note is passed on.
 */
export class MetNorwayProvider implements ForecastProvider {
  readonly name = 'met-norway';
  private readonly http: ProviderHttp;

  constructor(
    private readonly options: MetNorwayOptions,
    private readonly clock: Clock,
  ) {
    if (!options.userAgent?.trim()) throw new Error('MetNorwayProvider: api.met.no requires an identifying User-Agent (set MET_NORWAY_USER_AGENT)');
    this.http = new ProviderHttp({ ...options, provider: this.name });
  }

  async fetch(zone: Zone): Promise<HourlyForecast> {
    const answer = await this.http.getJson('/weatherapi/locationforecast/2.0/compact', { lat: zone.latitude.toFixed(4), lon: zone.longitude.toFixed(4) });
    const forecast = normaliseMetno(answer.body, this.clock.now().toISOString(), this.options.gapLimits);
    return answer.status === 203 ? { ...forecast, notes: ['met-norway answered 203: this product version is deprecated, move to its successor'] } : forecast;
  }
}
