import type { ZoneState } from '../operations/ZoneState.ts';
import type { Zone } from '../registry/Zone.ts';
import type { ZoneForecast } from './CityStatus.ts';

/** Each zone's latest forecast verdict with its evidence; a zone never polled is at "none" with no evidence. */
export function zoneForecasts(zones: readonly Zone[], states: readonly ZoneState[], now: Date): ZoneForecast[] {
  const byZone = new Map(states.map((s) => [s.zoneId, s]));
  return zones.map((z) => {
    const s = byZone.get(z.id);
    return {
      zoneId: z.id, name: z.name, level: s?.level ?? 'none', evidence: s?.evidence ?? [], provider: s?.provider ?? null,
      lastSuccessAt: s?.lastSuccessAt ?? null, lastPollAt: s?.lastPollAt ?? null, lastError: s?.lastError ?? null,
      minutesSinceSuccess: s?.lastSuccessAt ? Math.round((now.getTime() - Date.parse(s.lastSuccessAt)) / 60_000) : null,
    };
  });
}
