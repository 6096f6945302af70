import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { TooManyRequestsError } from '../errors/TooManyRequestsError.ts';
import type { BannedPhones } from '../ports/BannedPhones.ts';
import type { PhotoStore } from '../ports/PhotoStore.ts';
import { ownPhotos } from './photos/uploadPhoto.ts';
import type { PhoneVerifications } from '../ports/PhoneVerifications.ts';
import type { RateQuotas } from '../ports/RateQuotas.ts';
import type { SecretGenerator } from '../ports/SecretGenerator.ts';
import { acceptReport, type NewReport } from './acceptReport.ts';
import { sha256 } from './caseKeys.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { hourWindow } from './hourWindow.ts';
import { UnverifiedPhoneError } from '../errors/UnverifiedPhoneError.ts';
import { phoneForPass } from './verifyPhone.ts';

/** Reports one phone may file per hour: a citizen on a walk may see several hazards, a flood is refused. */
export const REPORTS_PER_PHONE_HOUR = 5;
/** Reports from one network address per hour (a school or an office shares one). */
export const REPORTS_PER_ADDRESS_HOUR = 30;

export type SubmitDeps = CitizenDeps & { verifications: PhoneVerifications; quotas: RateQuotas; secrets: SecretGenerator; bans: BannedPhones; photos?: PhotoStore };

/** The phone behind a reporter's pass, or an UnverifiedPhoneError. */
export async function verifiedPhone(deps: Pick<SubmitDeps, 'verifications' | 'clock'>, pass: string | undefined): Promise<string> {
  const phone = pass ? await phoneForPass(deps, pass) : undefined;
  if (!phone) throw new UnverifiedPhoneError();
  return phone;
}

/** A report from a verified phone, within the rate limits per phone and per network address; a banned number's is marked banned. */
export async function submitReport(deps: SubmitDeps, input: Omit<NewReport, 'phone' | 'photos'> & { pass: string | undefined; sourceAddress: string; photoKeys?: readonly string[] }): Promise<{ case: CitizenCase; statusKey: string }> {
  const phone = await verifiedPhone(deps, input.pass);
  const window = hourWindow(deps.clock.now());
  if (!(await deps.quotas.take(`report-address#${input.sourceAddress}`, window.start, REPORTS_PER_ADDRESS_HOUR))) {
    throw new TooManyRequestsError(`${REPORTS_PER_ADDRESS_HOUR} reports came from this network address in the last hour; try again later`, window.secondsLeft);
  }
  if (!(await deps.quotas.take(`report-phone#${sha256(phone)}`, window.start, REPORTS_PER_PHONE_HOUR))) {
    throw new TooManyRequestsError(`this phone filed ${REPORTS_PER_PHONE_HOUR} reports in the last hour; add your voice to an existing report, or try again later`, window.secondsLeft);
  }
  const keys = input.photoKeys ?? [];
  if (keys.length > 0 && !deps.photos) throw new RuleViolationError('photos are not taken here (no photo store is configured)', 'photos');
  const photos = keys.length > 0 ? await ownPhotos({ photos: deps.photos! }, phone, keys) : [];
  const { pass: _pass, sourceAddress: _addr, photoKeys: _keys, ...report } = input;
  // A banned number's report is kept like any other (the reporter is not told), and marked: it is never dispatched.
  const banned = (await deps.bans.banOf(sha256(phone))) !== undefined;
  return acceptReport(deps, { ...report, phone, photos, ...(banned ? { banned } : {}) });
}
