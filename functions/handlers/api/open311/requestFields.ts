import type { CitizenCase } from '../../../core/citizen/CitizenCase.ts';
import { CATEGORY_NAMES } from '../../../core/citizen/CitizenCategory.ts';
import { publicStatus } from '../../../core/citizen/publicStatus.ts';
import type { Language } from '../../../core/registry/Language.ts';

export const AGENCY = 'Urban Management Bureau, snow and ice duty office';

/** Open311's request fields for a case: never the reporter's phone, never the status key. */
export function requestFields(c: CitizenCase, origin: string, lang: Language): Record<string, string | number> {
  const { status, notes } = publicStatus(c);
  return {
    service_request_id: c.id,
    status,
    status_notes: notes,
    service_name: CATEGORY_NAMES[c.category][lang],
    service_code: c.category,
    description: c.description,
    agency_responsible: AGENCY,
    service_notice: '',
    requested_datetime: c.submittedAt,
    updated_datetime: c.updatedAt,
    expected_datetime: '',
    address: c.address ?? '',
    address_id: '',
    zipcode: '',
    lat: c.lat,
    long: c.lon,
    media_url: c.photos[0] ? `${origin}/citizen/photos/${c.photos[0].key}` : '',
  };
}
