// GSM 03.38 basic character set and its extension table (extension characters cost two septets).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);
/**
 * Blocks of the Basic Multilingual Plane whose every character is a grapheme of its own that no neighbour
 * in these blocks can join (no combining mark, joiner, spacing mark, Hangul jamo or surrogate): Latin,
 * Greek, Cyrillic, punctuation, symbols, kana, CJK ideographs and full-width forms. A text made only of
 * them is one grapheme per UTF-16 unit (CR LF is split anyway), which is every tasking and reply we send.
 */
const ONE_UNIT_GRAPHEMES = /^[\u0000-\u02FF\u0370-\u0482\u2000-\u200B\u200E-\u20CF\u2100-\u2BFF\u3000-\u3029\u3030-\u303F\u3041-\u3096\u309B-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF9D]*$/;
// Built on first need, not at module load: constructing it loads ICU's grapheme rules (about 7 ms of a
// cold start, npm run bench:bundles), and only a long text with emoji, combining marks or other scripts needs it.
let graphemes: Intl.Segmenter | undefined;

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
  if (ONE_UNIT_GRAPHEMES.test(text)) return { encoding: 'UCS-2', units, segments: Math.ceil(units / 67) };
  // A line break's CR and LF are separate characters and may be split; any other grapheme may not.
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const sizes = [...graphemes.segment(text)].flatMap(({ segment }) => (segment === '\r\n' ? [1, 1] : [segment.length]));
  return { encoding: 'UCS-2', units, segments: partsNeeded(sizes, 67) };
}
