import type { OfficialWarning } from '../forecast/OfficialWarning.ts';
import type { Zone } from '../registry/Zone.ts';
import { assessForecast } from './assessForecast.ts';
import type { ForecastAssessment } from './ForecastAssessment.ts';
import { resolveWarnings } from './resolveWarnings.ts';
import { warningCoversZone } from './warningCoversZone.ts';

type Rules = Parameters<typeof assessForecast>[1];

/**
 * The level official warnings alone imply at `now`: updates and cancellations followed, warnings outside
 * the zone (when one is given) left out, onset and expiry honoured, and a warning that begins beyond the
 * plan's lead time a watch; `warnings` are the ones in force that decided it.
 */
export function assessWarnings(warnings: readonly OfficialWarning[], rules: Rules, now: Date, zone?: Pick<Zone, 'latitude' | 'longitude' | 'warningAreas'>): ForecastAssessment & { warnings: OfficialWarning[] } {
  const inForce = resolveWarnings(warnings, now).filter((w) => !zone || warningCoversZone(w, zone));
  const assessment = assessForecast({ provider: 'warnings', latitude: zone?.latitude ?? 0, longitude: zone?.longitude ?? 0, fetchedAt: now.toISOString(), hours: [], warnings: inForce }, rules, now);
  return { ...assessment, warnings: inForce };
}
