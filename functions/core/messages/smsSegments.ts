// GSM 03.38 basic character set and its extension table (extension characters cost two septets).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/**
 * Parts of `perPart` units needed when no item may straddle two parts: an extension character's
 * escape and code, a surrogate pair or a joined emoji always travel in one segment.
 */
function partsNeeded(itemSizes: readonly number[], perPart: number): number {
  let parts = 1;
  let used = 0;
  for (const size of itemSizes) {
    if (used > 0 && used + size > perPart) { parts++; used = 0; }
    used += size;
  }
  return parts;
}

/** How many SMS segments a text costs: GSM-7 160 / 153 per part, UCS-2 70 / 67 per part. */
export function smsSegments(text: string): SegmentCount {
  const septets: number[] = [];
  let gsm = true;
  for (const ch of text) {
    if (basic.has(ch)) septets.push(1);
    else if (extended.has(ch)) septets.push(2);
    else { gsm = false; break; }
  }
  if (gsm) {
    const units = septets.reduce((a, b) => a + b, 0);
    return { encoding: 'GSM-7', units, segments: units <= 160 ? 1 : partsNeeded(septets, 153) };
  }
  const units = text.length; // UTF-16 code units: a character outside the BMP takes two.
  if (units <= 70) return { encoding: 'UCS-2', units, segments: 1 };
  // A line break's CR and LF are separate characters and may be split; any other grapheme may not.
  const sizes = [...graphemes.segment(text)].flatMap(({ segment }) => (segment === '\r\n' ? [1, 1] : [segment.length]));
  return { encoding: 'UCS-2', units, segments: partsNeeded(sizes, 67) };
}
