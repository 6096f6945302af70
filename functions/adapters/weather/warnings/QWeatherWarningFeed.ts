import type { OfficialWarning } from '../../../core/forecast/OfficialWarning.ts';
import type { WarningFeed } from '../../../core/ports/WarningFeed.ts';
import type { Zone } from '../../../core/registry/Zone.ts';
import { ProviderHttp, type ProviderHttpOptions } from '../http/ProviderHttp.ts';
import { normaliseQWeatherWarnings } from './normaliseQWeatherWarnings.ts';

export interface QWeatherOptions extends Omit<ProviderHttpOptions, 'provider'> {
  /** The account's JWT (sent as Authorization: Bearer). */
  token: string;
}

/**
 * QWeather's weather alerts (/weatheralert/v1/current/{lat}/{lon}, the successor of the deprecated
 * /v7/warning/now): the Chinese signals (暴雪 1004, 道路结冰 1021 …) with their colours, in UTC.
 */
export class QWeatherWarningFeed implements WarningFeed {
  readonly name = 'qweather';
  private readonly http: ProviderHttp;

  constructor(options: QWeatherOptions) {
    if (!options.token.trim()) throw new Error('QWeatherWarningFeed: a token is required (set QWEATHER_TOKEN)');
    this.http = new ProviderHttp({ ...options, provider: this.name, headers: { Authorization: `Bearer ${options.token}` } });
  }

  async fetch(zone: Zone): Promise<OfficialWarning[]> {
    // QWeather takes at most 2 decimals.
    const { body } = await this.http.getJson(`/weatheralert/v1/current/${zone.latitude.toFixed(2)}/${zone.longitude.toFixed(2)}`, { localTime: 'false' });
    return normaliseQWeatherWarnings(body);
  }
}
