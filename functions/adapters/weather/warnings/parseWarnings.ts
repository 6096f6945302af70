import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import type { OfficialWarning } from '../../../core/forecast/OfficialWarning.ts';
import { normaliseNwsAlerts } from '../nws/normaliseNwsAlerts.ts';
import { normaliseQWeatherWarnings } from './normaliseQWeatherWarnings.ts';

/** Reads a saved warnings document of any feed snowops knows: NWS alerts (GeoJSON FeatureCollection) or QWeather (v7 or v1). */
export function parseWarnings(body: unknown): OfficialWarning[] {
  if (body && typeof body === 'object') {
    if ('features' in body) return normaliseNwsAlerts(body);
    if ('warning' in body || 'alerts' in body) return normaliseQWeatherWarnings(body);
  }
  throw new ForecastValidationError('warnings', 'body', 'neither NWS alerts (features) nor a QWeather warning document (warning / alerts)');
}
