import { ForecastUnavailableError } from '../../../core/errors/ForecastUnavailableError.ts';
import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import type { HourlyForecast } from '../../../core/forecast/HourlyForecast.ts';
import type { ForecastProvider } from '../../../core/ports/ForecastProvider.ts';
import type { WarningFeed } from '../../../core/ports/WarningFeed.ts';
import type { Zone } from '../../../core/registry/Zone.ts';

/**
 * A provider whose forecasts also carry a warning feed's warnings. A feed that fails does not fail the
 * forecast: the reason goes to `warningsError`, which the poller logs.
 */
export function withWarningFeed(provider: ForecastProvider, feed: WarningFeed): ForecastProvider {
  return {
    name: provider.name,
    async fetch(zone: Zone): Promise<HourlyForecast> {
      const forecast = await provider.fetch(zone);
      try {
        const warnings = await feed.fetch(zone);
        return { ...forecast, warnings: [...(forecast.warnings ?? []), ...warnings] };
      } catch (error) {
        if (!(error instanceof ForecastUnavailableError || error instanceof ForecastValidationError)) throw error;
        const why = error instanceof ForecastValidationError ? `${error.where}: ${error.reason}` : error.reason;
        return { ...forecast, warningsError: [forecast.warningsError, `${feed.name} warnings: ${why}`].filter(Boolean).join(' | ') };
      }
    },
  };
}
