import { ForecastUnavailableError } from '../errors/ForecastUnavailableError.ts';
import { ForecastValidationError } from '../errors/ForecastValidationError.ts';
import type { HourlyForecast } from '../forecast/HourlyForecast.ts';
import type { ForecastProvider } from '../ports/ForecastProvider.ts';
import type { Zone } from '../registry/Zone.ts';

export interface ProviderFailure {
  provider: string;
  reason: string;
}

/** The provider's own words for a failure, without repeating its name. */
function reasonOf(error: unknown): string {
  if (error instanceof ForecastValidationError) return `${error.where}: ${error.reason}`;
  if (error instanceof ForecastUnavailableError) return error.reason;
  return error instanceof Error ? error.message : String(error);
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
      const forecast = await provider.fetch(zone);
      if (forecast.hours.length === 0) {
        failures.push({ provider: name, reason: 'forecast has no hours' });
        continue;
      }
      return { forecast, failures };
    } catch (error) {
      failures.push({ provider: name, reason: reasonOf(error) });
    }
  }
  return { failures };
}
