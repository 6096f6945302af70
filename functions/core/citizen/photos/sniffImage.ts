/** The photo types a report takes, told by their bytes, never by the name or the declared type. */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/heic';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** HEIF brands of HEVC-coded images (ISO/IEC 23008-12); mif1/msf1 count only with a HEVC brand beside them (else it may be AVIF). */
const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

export function sniffImage(b: Uint8Array): ImageType | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 16 && ascii(b, 4) === 'ftyp') {
    const size = Math.min(b.length, ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0);
    const brands = [ascii(b, 8)];
    for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(b, at));
    if (brands.some((x) => HEVC_BRANDS.has(x))) return 'image/heic';
  }
  return undefined;
}
