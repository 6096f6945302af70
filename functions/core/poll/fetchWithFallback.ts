import type { HourlyForecast } from '../forecast/HourlyForecast.ts';
import type { ForecastProvider } from '../ports/ForecastProvider.ts';
import type { Zone } from '../registry/Zone.ts';

export interface ProviderFailure {
  provider: string;
  reason: string;
}

/** Tries the zone's providers in order; returns the first good forecast and every failure on the way. */
export async function fetchWithFallback(
  zone: Zone,
  providers: ReadonlyMap<string, ForecastProvider>,
): Promise<{ forecast?: HourlyForecast; failures: ProviderFailure[] }> {
  const failures: ProviderFailure[] = [];
  for (const name of zone.providers) {
    const provider = providers.get(name);
    if (!provider) {
      failures.push({ provider: name, reason: 'provider is not configured' });
      continue;
    }
    try {
      return { forecast: await provider.fetch(zone), failures };
    } catch (error) {
      failures.push({ provider: name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { failures };
}
