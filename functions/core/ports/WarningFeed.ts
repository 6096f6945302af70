import type { OfficialWarning } from '../forecast/OfficialWarning.ts';
import type { Zone } from '../registry/Zone.ts';

/** An official-warning feed for a zone's point (e.g. a national met service's CAP-style signals). */
export interface WarningFeed {
  readonly name: string;
  /** Warnings in force or announced; throws ForecastUnavailableError or ForecastValidationError. */
  fetch(zone: Zone): Promise<OfficialWarning[]>;
}
