import { ImageError } from './ImageError.ts';

/**
 * Segments that carry who, where and with what a photo was taken: APP1 (Exif with its GPS and
 * Make/Model tags, XMP), APP13 (Photoshop IPTC), and comments. APP0 (JFIF), APP2 (the ICC colour
 * profile) and APP14 (Adobe colour transform) stay: the picture is drawn from them.
 */
const DROPPED = new Set([0xe1, 0xed, 0xfe, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xef]);

/** The JPEG without its metadata segments; the image data (from the first scan on) is copied as it is. */
export function stripJpeg(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [b.subarray(0, 2)];
  let at = 2;
  while (at < b.length) {
    if (b[at] !== 0xff) throw new ImageError(`JPEG: expected a marker at byte ${at}`);
    while (b[at + 1] === 0xff) at++; // fill bytes before a marker
    const marker = b[at + 1];
    if (marker === undefined) throw new ImageError(`JPEG: the file ends inside a marker at byte ${at}`);
    if (marker === 0xd9 || marker === 0xda) { kept.push(b.subarray(at)); return concat(kept); }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { kept.push(b.subarray(at, at + 2)); at += 2; continue; }
    if (at + 4 > b.length) throw new ImageError(`JPEG: the file ends inside the segment at byte ${at}`);
    const end = at + 2 + ((b[at + 2]! << 8) | b[at + 3]!);
    if (end > b.length) throw new ImageError(`JPEG: the segment at byte ${at} runs past the end of the file`);
    if (!DROPPED.has(marker)) kept.push(b.subarray(at, end));
    at = end;
  }
  throw new ImageError('JPEG: no image data (no start of scan)');
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
