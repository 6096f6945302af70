/**
 * Characters that change how text reads without being seen: C0/C1 controls (NUL, escapes, line breaks) and
 * the bidi controls (embeddings, overrides, isolates, marks) that make a name read differently from what it is.
 */
const HIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** The same, less the tab and line breaks that prose (a reason, a message) may hold. */
const HIDDEN_IN_PROSE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text is refused, naming the first hidden character by its code point, or undefined when it is clean. */
export function hiddenCharacter(text: string, { prose = false }: { prose?: boolean } = {}): string | undefined {
  const m = (prose ? HIDDEN_IN_PROSE : HIDDEN).exec(text);
  if (!m) return undefined;
  const kind = /\p{Cc}/u.test(m[0]) ? 'a control character' : 'a bidirectional-text control';
  return `must not contain ${kind} (${codePoint(m[0])} at position ${m.index + 1})`;
}

/**
 * Text as it will be shown in a report: each hidden character but tab and line breaks written out as
 * [U+XXXX], so what a crew's SMS or an old record held is seen, not obeyed.
 */
export function showHidden(text: string): string {
  return text.replace(new RegExp(HIDDEN_IN_PROSE.source, 'gu'), (c) => `[${codePoint(c)}]`);
}
