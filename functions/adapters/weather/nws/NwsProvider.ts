import type { HourlyForecast } from '../../../core/forecast/HourlyForecast.ts';
import type { Clock } from '../../../core/ports/Clock.ts';
import type { ForecastProvider } from '../../../core/ports/ForecastProvider.ts';
import type { Zone } from '../../../core/registry/Zone.ts';
import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import { ForecastUnavailableError } from '../../../core/errors/ForecastUnavailableError.ts';
import type { GapLimits } from '../checkHours.ts';
import { ProviderHttp, type ProviderHttpOptions } from '../http/ProviderHttp.ts';
import { normaliseNwsAlerts } from './normaliseNwsAlerts.ts';
import { normaliseNwsGrid } from './normaliseNwsGrid.ts';
import { nwsPointSchema } from './nwsSchemas.ts';

export interface NwsOptions extends Omit<ProviderHttpOptions, 'provider' | 'userAgent'> {
  /** Required by api.weather.gov: the application and a contact, e.g. "(snowops.example, ops@example.org)". */
  userAgent: string;
  gapLimits?: GapLimits;
}

/** "35.2400" → "35.24": the API redirects coordinates with more than 4 decimals or trailing zeros. */
const coord = (v: number) => String(Number(v.toFixed(4)));

/**
 * The US National Weather Service: /points → raw /gridpoints layers (normalised hourly) and the point's
 * active CAP alerts. The point's grid is cached (it does not move). Alerts that cannot be read are
 * reported in `warningsError`; the forecast is still used.
 */
export class NwsProvider implements ForecastProvider {
  readonly name = 'nws';
  private readonly http: ProviderHttp;
  private readonly grids = new Map<string, { gridId: string; gridX: number; gridY: number }>();

  constructor(
    private readonly options: NwsOptions,
    private readonly clock: Clock,
  ) {
    if (!options.userAgent?.trim()) throw new Error('NwsProvider: api.weather.gov requires an identifying User-Agent (set NWS_USER_AGENT)');
    this.http = new ProviderHttp({ ...options, provider: this.name, accept: 'application/geo+json' });
  }

  async fetch(zone: Zone): Promise<HourlyForecast> {
    const point = `${coord(zone.latitude)},${coord(zone.longitude)}`;
    const grid = this.grids.get(point) ?? (await this.findGrid(point));
    this.grids.set(point, grid);
    const fetchedAt = this.clock.now().toISOString();
    const { body } = await this.http.getJson(`/gridpoints/${grid.gridId}/${grid.gridX},${grid.gridY}`);
    const forecast = normaliseNwsGrid(body, { latitude: zone.latitude, longitude: zone.longitude }, fetchedAt, this.options.gapLimits);
    try {
      const alerts = await this.http.getJson('/alerts/active', { point });
      return { ...forecast, warnings: normaliseNwsAlerts(alerts.body) };
    } catch (error) {
      if (!(error instanceof ForecastUnavailableError || error instanceof ForecastValidationError)) throw error;
      return { ...forecast, warnings: [], warningsError: `nws alerts: ${error instanceof ForecastValidationError ? `${error.where}: ${error.reason}` : error.reason}` };
    }
  }

  private async findGrid(point: string): Promise<{ gridId: string; gridX: number; gridY: number }> {
    const { body } = await this.http.getJson(`/points/${point}`);
    const parsed = nwsPointSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ForecastValidationError(this.name, `points.${issue.path.join('.')}`, issue.message);
    }
    const { gridId, gridX, gridY } = parsed.data.properties;
    return { gridId, gridX, gridY };
  }
}
