import { ImageError } from './ImageError.ts';
import { sniffImage, type ImageType } from './sniffImage.ts';
import { stripHeic } from './stripHeic.ts';
import { stripJpeg } from './stripJpeg.ts';
import { stripPng } from './stripPng.ts';

/** A phone's photo is a few MB; more is refused before anything is read. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const STRIP: Record<ImageType, (b: Uint8Array) => Uint8Array> = { 'image/jpeg': stripJpeg, 'image/png': stripPng, 'image/heic': stripHeic };

/** A photo as it may be stored: its type told by its bytes, at most 5 MB, its location and device data gone. */
export function preparePhoto(bytes: Uint8Array): { contentType: ImageType; bytes: Uint8Array } {
  if (bytes.length === 0) throw new ImageError('the photo is empty');
  if (bytes.length > MAX_PHOTO_BYTES) throw new ImageError(`the photo is ${bytes.length} bytes; at most 5 MB (${MAX_PHOTO_BYTES} bytes)`);
  const contentType = sniffImage(bytes);
  if (!contentType) throw new ImageError('the file is not a JPEG, PNG or HEIC photo (judged by its content, not its name)');
  return { contentType, bytes: STRIP[contentType](bytes) };
}
