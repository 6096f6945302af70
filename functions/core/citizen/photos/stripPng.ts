import { ImageError } from './ImageError.ts';
import { concat } from './stripJpeg.ts';

/** Chunks with metadata: Exif (eXIf), text of any kind (tEXt, zTXt, iTXt: XMP lives there), the time it was made. */
const DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** The PNG without its metadata chunks (each chunk carries its own CRC, so the rest stays valid). */
export function stripPng(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [b.subarray(0, 8)];
  let at = 8;
  while (at < b.length) {
    if (at + 12 > b.length) throw new ImageError(`PNG: the file ends inside the chunk at byte ${at}`);
    const length = ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    const end = at + 12 + length;
    if (end > b.length) throw new ImageError(`PNG: the ${type} chunk at byte ${at} runs past the end of the file`);
    if (!DROPPED.has(type)) kept.push(b.subarray(at, end));
    if (type === 'IEND') return concat(kept);
    at = end;
  }
  throw new ImageError('PNG: no IEND chunk');
}
