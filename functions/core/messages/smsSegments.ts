// GSM 03.38 basic character set and its extension table (extension characters cost two septets).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** Fills parts of `perPart` units without splitting a character (an escape pair or a surrogate pair) across two parts. */
function pack(costs: readonly number[], single: number, perPart: number): number {
  const total = costs.reduce((a, b) => a + b, 0);
  if (total <= single) return 1;
  let parts = 1;
  let used = 0;
  for (const c of costs) {
    if (used + c > perPart) { parts++; used = 0; }
    used += c;
  }
  return parts;
}

/** How many SMS segments a text costs: GSM-7 160 / 153 per part, UCS-2 70 / 67 per part (characters are never split). */
export function smsSegments(text: string): SegmentCount {
  const chars = [...text];
  if (chars.every((ch) => basic.has(ch) || extended.has(ch))) {
    const costs = chars.map((ch) => (basic.has(ch) ? 1 : 2));
    return { encoding: 'GSM-7', units: costs.reduce((a, b) => a + b, 0), segments: pack(costs, 160, 153) };
  }
  const costs = chars.map((ch) => ch.length); // UTF-16 code units: a character outside the BMP takes two.
  return { encoding: 'UCS-2', units: text.length, segments: pack(costs, 70, 67) };
}
