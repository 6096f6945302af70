import { RuleViolationError } from '../../errors/RuleViolationError.ts';
import { TooManyRequestsError } from '../../errors/TooManyRequestsError.ts';
import type { PhotoStore, UploadTarget } from '../../ports/PhotoStore.ts';
import { sha256 } from '../caseKeys.ts';
import type { CasePhoto } from '../CitizenCase.ts';
import { hourWindow } from '../hourWindow.ts';
import { verifiedPhone, type SubmitDeps } from '../submitReport.ts';
import { ImageError } from './ImageError.ts';
import { MAX_PHOTO_BYTES, preparePhoto } from './preparePhoto.ts';

/** Photos one phone may upload an hour: two for each of its five reports. */
export const PHOTOS_PER_PHONE_HOUR = 10;
/** How long a presigned upload stays usable: long enough for a slow phone network, short enough to go stale. */
export const UPLOAD_MINUTES = 10;
/** What a browser may declare for a photo (it is judged by its bytes after the upload, whatever it declared). */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/octet-stream'] as const;

export type PhotoDeps = Pick<SubmitDeps, 'verifications' | 'quotas' | 'clock' | 'ids'> & { photos: PhotoStore };

/** Whose photo a key is: the first 12 hex digits of the uploader's phone hash, so only they can complete or attach it. */
export const ownerOf = (phone: string) => sha256(phone).slice(0, 12);

/**
 * A verified reporter asks to upload one photo of `bytes` bytes: the answer is a presigned PUT bound to that
 * size and type, valid 10 minutes, under an upload key of theirs. Within 10 photos per phone an hour.
 */
export async function requestPhotoUpload(deps: PhotoDeps, input: { pass: string | undefined; contentType: string; bytes: number }): Promise<{ uploadKey: string; upload: UploadTarget }> {
  const phone = await verifiedPhone(deps, input.pass);
  if (!(UPLOAD_TYPES as readonly string[]).includes(input.contentType)) throw new RuleViolationError(`a photo is ${UPLOAD_TYPES.slice(0, 4).join(', ')}; not ${input.contentType}`, 'contentType');
  if (!Number.isInteger(input.bytes) || input.bytes < 1) throw new RuleViolationError('the photo\'s size is a whole number of bytes, at least 1', 'bytes');
  if (input.bytes > MAX_PHOTO_BYTES) throw new RuleViolationError(`the photo is ${input.bytes} bytes; at most 5 MB (${MAX_PHOTO_BYTES} bytes)`, 'bytes');
  const now = deps.clock.now();
  const window = hourWindow(now);
  if (!(await deps.quotas.take(`photo-phone#${sha256(phone)}`, window.start, PHOTOS_PER_PHONE_HOUR))) {
    throw new TooManyRequestsError(`this phone uploaded ${PHOTOS_PER_PHONE_HOUR} photos in the last hour; try again later`, window.secondsLeft);
  }
  const uploadKey = `u-${ownerOf(phone)}-${deps.ids.next().toLowerCase()}`;
  const upload = await deps.photos.uploadTarget(uploadKey, { contentType: input.contentType, bytes: input.bytes, expiresAt: new Date(now.getTime() + UPLOAD_MINUTES * 60_000) });
  return { uploadKey, upload };
}

/**
 * After the browser's PUT: the server reads the raw upload (which is removed as it is read, and never served),
 * tells its type by its bytes, strips location and device data, and stores the clean copy under a new key.
 */
export async function completePhotoUpload(deps: PhotoDeps, input: { pass: string | undefined; uploadKey: string }): Promise<CasePhoto> {
  const phone = await verifiedPhone(deps, input.pass);
  if (!input.uploadKey.startsWith(`u-${ownerOf(phone)}-`)) throw new RuleViolationError(`no upload ${input.uploadKey} was asked for from this phone`, 'uploadKey');
  const raw = await deps.photos.takeUpload(input.uploadKey, MAX_PHOTO_BYTES);
  if (!raw) throw new RuleViolationError(`nothing was uploaded under ${input.uploadKey} (or it was already taken): PUT the photo to the upload URL first`, 'uploadKey');
  if ('tooLarge' in raw) throw new RuleViolationError(`the upload is ${raw.tooLarge} bytes; at most 5 MB (${MAX_PHOTO_BYTES} bytes)`, 'photo');
  let prepared: ReturnType<typeof preparePhoto>;
  try {
    prepared = preparePhoto(raw.bytes);
  } catch (error) {
    if (error instanceof ImageError) throw new RuleViolationError(error.message, 'photo');
    throw error;
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
