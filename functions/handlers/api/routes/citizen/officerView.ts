import type { CitizenCase } from '../../../../core/citizen/CitizenCase.ts';
import { CATEGORY_NAMES } from '../../../../core/citizen/CitizenCategory.ts';
import type { NearbyCase } from '../../../../core/citizen/nearbyCases.ts';
import { publicStatus } from '../../../../core/citizen/publicStatus.ts';
import { maskPhone } from '../../../../core/registry/PhoneNumber.ts';

/** A case as the duty officer's queue shows it: the reporter's phone masked, the status key left out. */
export function officerView(c: CitizenCase, suggestions: NearbyCase[] = []) {
  return {
    id: c.id,
    category: c.category,
    categoryName: CATEGORY_NAMES[c.category],
    description: c.description,
    lat: c.lat,
    lon: c.lon,
    ...(c.address ? { address: c.address } : {}),
    ...(c.zoneId ? { zoneId: c.zoneId } : {}),
    reporter: maskPhone(c.reporterPhone),
    language: c.language,
    photos: c.photos.map((p) => ({ key: p.key, contentType: p.contentType, bytes: p.bytes })),
    state: c.state,
    open311: publicStatus(c),
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
    voices: c.voices,
    lastVoiceAt: c.lastVoiceAt,
    history: c.history,
    ...(c.mergedInto ? { mergedInto: c.mergedInto } : {}),
    ...(c.task ? { task: c.task } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.rating !== undefined ? { rating: c.rating } : {}),
    ...(c.banned ? { banned: true } : {}),
    mergeSuggestions: suggestions,
  };
}

/** A case as its reporter's status page shows it: their own case, their phone masked (and not whether their number is banned). */
export function reporterView(c: CitizenCase) {
  const { mergeSuggestions: _none, banned: _banned, ...view } = officerView(c);
  return view;
}
