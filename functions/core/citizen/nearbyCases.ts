import { distanceKm } from '../planner/distanceKm.ts';
import { isOpenCase } from './CaseState.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenCategory } from './CitizenCategory.ts';
import type { CitizenDeps } from './CitizenDeps.ts';

/** What the public page shows of an open report near the pin: no phone, no description, no photo. */
export interface NearbyCase {
  id: string;
  category: CitizenCategory;
  distanceM: number;
  voices: number;
  submittedAt: string;
  lastVoiceAt: string;
}

/** A merge is suggested for the same category within 50 m and 6 h (the rule). */
export const MERGE_RADIUS_M = 50;
export const MERGE_WINDOW_HOURS = 6;

/** Open cases within `radiusM` of a point, submitted in the last `withinHours`, nearest first. */
export async function nearbyOpenCases(deps: Pick<CitizenDeps, 'cases' | 'clock'>, query: { lat: number; lon: number; radiusM: number; withinHours: number; category?: CitizenCategory }): Promise<NearbyCase[]> {
  const from = new Date(deps.clock.now().getTime() - query.withinHours * 3_600_000).toISOString();
  const cases = await deps.cases.listSubmitted({ from });
  return cases
    .filter((c) => isOpenCase(c.state) && (!query.category || c.category === query.category))
    .map((c) => ({ c, distanceM: Math.round(distanceKm(query.lat, query.lon, c.lat, c.lon) * 1000) }))
    .filter(({ distanceM }) => distanceM <= query.radiusM)
    .sort((a, b) => a.distanceM - b.distanceM || b.c.submittedAt.localeCompare(a.c.submittedAt))
    .map(({ c, distanceM }) => ({ id: c.id, category: c.category, distanceM, voices: c.voices, submittedAt: c.submittedAt, lastVoiceAt: c.lastVoiceAt }));
}

/** Open cases the officer might merge this one into: same category, within 50 m, submitted within 6 h of it. */
export async function suggestMerges(deps: Pick<CitizenDeps, 'cases'>, c: CitizenCase): Promise<NearbyCase[]> {
  const windowMs = MERGE_WINDOW_HOURS * 3_600_000;
  const submitted = Date.parse(c.submittedAt);
  const candidates = await deps.cases.listSubmitted({ from: new Date(submitted - windowMs).toISOString(), to: new Date(submitted + windowMs).toISOString() });
  return candidates
    .filter((o) => o.id !== c.id && o.category === c.category && isOpenCase(o.state))
    .map((o) => ({ o, distanceM: Math.round(distanceKm(c.lat, c.lon, o.lat, o.lon) * 1000) }))
    .filter(({ distanceM }) => distanceM <= MERGE_RADIUS_M)
    .sort((a, b) => a.o.submittedAt.localeCompare(b.o.submittedAt))
    .map(({ o, distanceM }) => ({ id: o.id, category: o.category, distanceM, voices: o.voices, submittedAt: o.submittedAt, lastVoiceAt: o.lastVoiceAt }));
}
