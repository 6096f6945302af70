import { MetNorwayProvider } from '../../adapters/weather/metno/MetNorwayProvider.ts';
import { NwsProvider } from '../../adapters/weather/nws/NwsProvider.ts';
import { OpenMeteoProvider } from '../../adapters/weather/OpenMeteoProvider.ts';
import { QWeatherWarningFeed } from '../../adapters/weather/warnings/QWeatherWarningFeed.ts';
import { withWarningFeed } from '../../adapters/weather/warnings/withWarningFeed.ts';
import type { PollerEnv } from '../../config/lambdaEnv.ts';
import type { Clock } from '../../core/ports/Clock.ts';
import type { ForecastProvider } from '../../core/ports/ForecastProvider.ts';

/** Every provider a zone may name ("open-meteo", "nws", "met-norway"), with the QWeather warning feed when configured; built once per container. */
export function buildWeatherProviders(env: PollerEnv, clock: Clock): ReadonlyMap<string, ForecastProvider> {
  const http = { timeoutMs: env.WEATHER_TIMEOUT_MS, retries: env.WEATHER_RETRIES, retryBaseMs: env.WEATHER_RETRY_BASE_MS, maxRetryAfterMs: env.WEATHER_MAX_RETRY_AFTER_MS };
  const providers: ForecastProvider[] = [
    new OpenMeteoProvider({ ...http, baseUrl: env.OPEN_METEO_BASE_URL, apiKey: env.OPEN_METEO_API_KEY, forecastDays: env.OPEN_METEO_FORECAST_DAYS }, clock),
    new NwsProvider({ ...http, baseUrl: env.NWS_BASE_URL, userAgent: env.WEATHER_USER_AGENT }, clock),
    new MetNorwayProvider({ ...http, baseUrl: env.MET_NORWAY_BASE_URL, userAgent: env.WEATHER_USER_AGENT }, clock),
  ];
  const feed = env.QWEATHER_BASE_URL && env.QWEATHER_TOKEN ? new QWeatherWarningFeed({ ...http, baseUrl: env.QWEATHER_BASE_URL, token: env.QWEATHER_TOKEN }) : undefined;
  return new Map(providers.map((p) => [p.name, feed ? withWarningFeed(p, feed) : p]));
}
