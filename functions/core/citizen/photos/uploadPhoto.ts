import { RuleViolationError } from '../../errors/RuleViolationError.ts';
import { TooManyRequestsError } from '../../errors/TooManyRequestsError.ts';
import type { PhotoStore } from '../../ports/PhotoStore.ts';
import { sha256 } from '../caseKeys.ts';
import type { CasePhoto } from '../CitizenCase.ts';
import { hourWindow } from '../hourWindow.ts';
import { verifiedPhone, type SubmitDeps } from '../submitReport.ts';
import { ImageError } from './ImageError.ts';
import { preparePhoto } from './preparePhoto.ts';

/** Photos one phone may upload an hour: two for each of its five reports. */
export const PHOTOS_PER_PHONE_HOUR = 10;

export type PhotoDeps = Pick<SubmitDeps, 'verifications' | 'quotas' | 'clock' | 'ids'> & { photos: PhotoStore };

/** Whose photo a key is: the first 12 hex digits of the uploader's phone hash, so only they can attach it. */
const ownerOf = (phone: string) => sha256(phone).slice(0, 12);

/** A verified reporter's photo: sniffed, at most 5 MB, location and device data stripped, then stored. */
export async function uploadPhoto(deps: PhotoDeps, input: { pass: string | undefined; bytes: Uint8Array }): Promise<CasePhoto> {
  const phone = await verifiedPhone(deps, input.pass);
  let prepared: ReturnType<typeof preparePhoto>;
  try {
    prepared = preparePhoto(input.bytes);
  } catch (error) {
    if (error instanceof ImageError) throw new RuleViolationError(error.message, 'photo');
    throw error;
  }
  const window = hourWindow(deps.clock.now());
  if (!(await deps.quotas.take(`photo-phone#${sha256(phone)}`, window.start, PHOTOS_PER_PHONE_HOUR))) {
    throw new TooManyRequestsError(`this phone uploaded ${PHOTOS_PER_PHONE_HOUR} photos in the last hour; try again later`, window.secondsLeft);
  }
  const key = `p-${ownerOf(phone)}-${deps.ids.next().toLowerCase()}`;
  await deps.photos.put(key, prepared.bytes, prepared.contentType);
  return { key, contentType: prepared.contentType, bytes: prepared.bytes.length };
}

/** The photos a reporter attaches to a report: theirs, stored, at most two. */
export async function ownPhotos(deps: { photos: PhotoStore }, phone: string, keys: readonly string[]): Promise<CasePhoto[]> {
  if (keys.length > 2) throw new RuleViolationError(`${keys.length} photos; at most 2 (one close, one wide)`, 'photos');
  return Promise.all(keys.map(async (key) => {
    const stored = key.startsWith(`p-${ownerOf(phone)}-`) ? await deps.photos.get(key) : undefined;
    if (!stored) throw new RuleViolationError(`no photo ${key} uploaded from this phone`, 'photos');
    return { key, contentType: stored.contentType, bytes: stored.bytes.length };
  }));
}
