import { ImageError } from './ImageError.ts';

interface Box { type: string; start: number; body: number; end: number }

/** Reads big-endian unsigned integers of 0 to 8 bytes, with the position carried along. */
class Reader {
  constructor(readonly b: Uint8Array, public at: number, readonly end: number) {}
  uint(size: number): number {
    if (this.at + size > this.end) throw new ImageError(`HEIC: a box ends early at byte ${this.at}`);
    let v = 0;
    for (let i = 0; i < size; i++) v = v * 256 + this.b[this.at + i]!;
    this.at += size;
    return v;
  }
  type(): string {
    const t = String.fromCharCode(...this.b.subarray(this.at, this.at + 4));
    this.at += 4;
    return t;
  }
}

function boxes(b: Uint8Array, from: number, to: number): Box[] {
  const out: Box[] = [];
  for (let at = from; at + 8 <= to;) {
    const r = new Reader(b, at, to);
    let size = r.uint(4);
    const type = r.type();
    if (size === 1) size = r.uint(8);
    else if (size === 0) size = to - at;
    if (size < r.at - at || at + size > to) throw new ImageError(`HEIC: the ${type} box at byte ${at} has a bad size`);
    out.push({ type, start: at, body: r.at, end: at + size });
    at += size;
  }
  return out;
}

/** Item ids whose data is metadata: the Exif item, and XMP (a mime item of type application/rdf+xml). */
function metadataItems(b: Uint8Array, iinf: Box): Set<number> {
  const r = new Reader(b, iinf.body, iinf.end);
  const version = r.uint(1);
  r.uint(3);
  r.uint(version === 0 ? 2 : 4);
  const ids = new Set<number>();
  for (const infe of boxes(b, r.at, iinf.end).filter((x) => x.type === 'infe')) {
    const e = new Reader(b, infe.body, infe.end);
    const v = e.uint(1);
    e.uint(3);
    if (v < 2) continue; // versions 0 and 1 carry no item type
    const id = e.uint(v === 2 ? 2 : 4);
    e.uint(2);
    const itemType = e.type();
    if (itemType === 'Exif') ids.add(id);
    if (itemType === 'mime') {
      const rest = new TextDecoder().decode(b.subarray(e.at, infe.end));
      if (rest.includes('application/rdf+xml')) ids.add(id);
    }
  }
  return ids;
}

/**
 * The HEIC with its Exif and XMP items' bytes zeroed where they lie (file offsets, or inside the meta box's
 * idat), so nothing else moves and every offset stays right. The image items are untouched.
 */
export function stripHeic(input: Uint8Array): Uint8Array {
  const b = new Uint8Array(input);
  const meta = boxes(b, 0, b.length).find((x) => x.type === 'meta');
  if (!meta) throw new ImageError('HEIC: no meta box');
  const children = boxes(b, meta.body + 4, meta.end);
  const iinf = children.find((x) => x.type === 'iinf');
  const iloc = children.find((x) => x.type === 'iloc');
  const idat = children.find((x) => x.type === 'idat');
  if (!iinf || !iloc) return b;
  const wanted = metadataItems(b, iinf);
  if (wanted.size === 0) return b;
  const r = new Reader(b, iloc.body, iloc.end);
  const version = r.uint(1);
  r.uint(3);
  const sizes = r.uint(2);
  const [offsetSize, lengthSize, baseSize, indexSize] = [sizes >> 12, (sizes >> 8) & 15, (sizes >> 4) & 15, version > 0 ? sizes & 15 : 0];
  const count = r.uint(version < 2 ? 2 : 4);
  for (let i = 0; i < count; i++) {
    const id = r.uint(version < 2 ? 2 : 4);
    const method = version > 0 ? r.uint(2) & 15 : 0;
    r.uint(2);
    const base = r.uint(baseSize);
    const extents = r.uint(2);
    for (let e = 0; e < extents; e++) {
      if (indexSize > 0) r.uint(indexSize);
      const offset = r.uint(offsetSize);
      const length = r.uint(lengthSize);
      if (!wanted.has(id)) continue;
      const origin = method === 1 ? idat?.body : method === 0 ? 0 : undefined;
      if (origin === undefined) throw new ImageError(`HEIC: metadata item ${id} is stored in a way this reader does not take (construction method ${method})`);
      const from = origin + base + offset;
      const to = length === 0 ? (method === 1 ? idat!.end : b.length) : from + length;
      if (to > b.length) throw new ImageError(`HEIC: metadata item ${id} runs past the end of the file`);
      b.fill(0, from, to);
    }
  }
  return b;
}
