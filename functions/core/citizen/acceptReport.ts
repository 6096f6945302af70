import { RuleViolationError } from '../errors/RuleViolationError.ts';
import type { SecretGenerator } from '../ports/SecretGenerator.ts';
import type { Language } from '../registry/Language.ts';
import { sha256 } from './caseKeys.ts';
import { caseLogEntry } from './caseLogEntry.ts';
import type { CasePhoto, CitizenCase } from './CitizenCase.ts';
import type { CitizenCategory } from './CitizenCategory.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { plainText } from './plainText.ts';

/** Open311 GeoReport v2: a description of up to 4,000 characters. */
export const MAX_DESCRIPTION = 4000;
export const MAX_ADDRESS = 200;
export const MAX_PHOTOS = 2;

export interface NewReport {
  category: CitizenCategory;
  description: string;
  lat: number;
  lon: number;
  address?: string;
  zoneId?: string;
  /** E.164, already verified by the caller. */
  phone: string;
  language: Language;
  photos: CasePhoto[];
  banned?: boolean;
}

/** 受理: a report is accepted as a new case; the reporter gets the case and the secret of their status link. */
export async function acceptReport(deps: CitizenDeps & { secrets: SecretGenerator }, report: NewReport): Promise<{ case: CitizenCase; statusKey: string }> {
  const description = plainText(report.description);
  const address = report.address === undefined ? undefined : plainText(report.address);
  if (description.length > MAX_DESCRIPTION) throw new RuleViolationError(`the description is ${description.length} characters; at most ${MAX_DESCRIPTION}`, 'description');
  if (address !== undefined && address.length > MAX_ADDRESS) throw new RuleViolationError(`the address is ${address.length} characters; at most ${MAX_ADDRESS}`, 'address');
  if (report.photos.length > MAX_PHOTOS) throw new RuleViolationError(`${report.photos.length} photos; at most ${MAX_PHOTOS} (one close, one wide)`, 'photos');
  const at = deps.clock.now().toISOString();
  const statusKey = deps.secrets.next();
  const c: CitizenCase = {
    id: `r${deps.ids.next().toLowerCase()}`,
    category: report.category,
    description,
    lat: report.lat,
    lon: report.lon,
    ...(address ? { address } : {}),
    ...(report.zoneId ? { zoneId: report.zoneId } : {}),
    reporterPhone: report.phone,
    language: report.language,
    photos: report.photos,
    state: 'submitted',
    submittedAt: at,
    updatedAt: at,
    voices: 1,
    supporters: [sha256(report.phone)],
    lastVoiceAt: at,
    statusKey,
    history: [{ step: 'submit', at }],
    ...(report.banned ? { banned: true } : {}),
    version: 1,
  };
  await deps.cases.create(c);
  await deps.log.append(caseLogEntry(c, 'accepted', 'citizen', at, { photos: c.photos.length, lat: c.lat, lon: c.lon, ...(c.banned ? { banned: true } : {}) }));
  return { case: c, statusKey };
}
