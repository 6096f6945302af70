import { crc32 } from 'node:zlib';

/**
 * Photos built byte by byte for the stripper's tests (no camera file is in the fixtures): each holds
 * what a phone writes (the device's make and model, a GPS position) where its format keeps it, and
 * recognisable image bytes that must come through unchanged.
 */
export const DEVICE = 'Apple iPhone 15 Pro';
export const GPS_MARK = 'GPS 35.2157N 113.2419E';
export const PIXELS = Uint8Array.from([0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa]);

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const u16 = (n: number) => Uint8Array.from([n >> 8, n & 255]);
const u32 = (n: number) => Uint8Array.from([n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255]);

function jpegSegment(marker: number, payload: Uint8Array): Uint8Array {
  return cat(Uint8Array.from([0xff, marker]), u16(payload.length + 2), payload);
}

/** JFIF APP0, an Exif APP1 (TIFF header, the Make/Model and GPS text), a comment, a quantisation table, then a scan. */
export function jpegWithExif(): Uint8Array {
  const exif = cat(enc('Exif\0\0MM\0*\0\0\0\x08'), enc(DEVICE), enc('\0'), enc(GPS_MARK));
  return cat(
    Uint8Array.from([0xff, 0xd8]),
    jpegSegment(0xe0, enc('JFIF\0\x01\x01\0\0\x01\0\x01\0\0')),
    jpegSegment(0xe1, exif),
    jpegSegment(0xfe, enc(`taken by ${DEVICE}`)),
    jpegSegment(0xdb, new Uint8Array(65)),
    jpegSegment(0xda, Uint8Array.from([1, 1, 0, 0, 0x3f, 0])), PIXELS, Uint8Array.from([0xff, 0xd9]),
  );
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = cat(enc(type), data);
  return cat(u32(data.length), body, u32(crc32(body)));
}

/** IHDR, an eXIf chunk (the device), a tEXt location, the image data, IEND: each chunk with its real CRC. */
export function pngWithMetadata(): Uint8Array {
  return cat(
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', cat(u32(1), u32(1), Uint8Array.from([8, 2, 0, 0, 0]))),
    pngChunk('eXIf', cat(enc('MM\0*\0\0\0\x08'), enc(DEVICE))),
    pngChunk('tEXt', enc(`Location\0${GPS_MARK}`)),
    pngChunk('IDAT', PIXELS),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

function box(type: string, ...body: Uint8Array[]): Uint8Array {
  const inner = cat(...body);
  return cat(u32(inner.length + 8), enc(type), inner);
}
const fullBox = (type: string, version: number, ...body: Uint8Array[]) => box(type, Uint8Array.from([version, 0, 0, 0]), ...body);

/** ftyp heic; meta with an HEVC image item and an Exif item, located by iloc (version 0) in the mdat. */
export function heicWithExif(): { file: Uint8Array; imageAt: number; exifAt: number; exifLength: number } {
  const exif = cat(u32(6), enc('Exif\0\0MM\0*\0\0\0\x08'), enc(DEVICE), enc(GPS_MARK));
  const infe = (id: number, type: string) => fullBox('infe', 2, u16(id), u16(0), enc(type), enc('\0'));
  const build = (mdatStart: number) => {
    const imageAt = mdatStart + 8;
    const exifAt = imageAt + PIXELS.length;
    const iloc = fullBox('iloc', 0, Uint8Array.from([0x44, 0x00]), u16(2),
      u16(1), u16(0), u16(1), u32(imageAt), u32(PIXELS.length),
      u16(2), u16(0), u16(1), u32(exifAt), u32(exif.length));
    const head = cat(
      box('ftyp', enc('heic'), u32(0), enc('mif1'), enc('heic')),
      fullBox('meta', 0, fullBox('hdlr', 0, u32(0), enc('pict'), new Uint8Array(13)), fullBox('iinf', 0, u16(2), infe(1, 'hvc1'), infe(2, 'Exif')), iloc),
    );
    return { head, imageAt, exifAt };
  };
  const first = build(0);
  const { head, imageAt, exifAt } = build(first.head.length);
  return { file: cat(head, box('mdat', PIXELS, exif)), imageAt, exifAt, exifLength: exif.length };
}

export function contains(haystack: Uint8Array, needle: string | Uint8Array): boolean {
  return Buffer.from(haystack).includes(typeof needle === 'string' ? Buffer.from(needle) : Buffer.from(needle));
}
