import * as z from '../../config/zod.ts';
import { ID_PATTERN, TEXT_LIMITS } from './limits.ts';

/**
 * Characters no registry text may hold: C0/C1 controls (NUL, line breaks, escapes) and the bidi
 * controls (embeddings, overrides, isolates, marks) that make a name read differently from what it is.
 */
const FORBIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Why a text is refused, naming the character by its code point, or undefined when it is clean. */
export function forbiddenCharacter(text: string): string | undefined {
  const m = FORBIDDEN.exec(text);
  if (!m) return undefined;
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const kind = /\p{Cc}/u.test(m[0]) ? 'a control character' : 'a bidirectional-text control';
  return `must not contain ${kind} (U+${code} at position ${m.index + 1})`;
}

/** Trimmed, NFC-normalised text of 1 to `max` characters, with no control or bidi characters. */
export function boundedText(max: number) {
  return z.string().check(
    z.trim(),
    z.normalize('NFC'),
    z.minLength(1, 'is required'),
    z.maxLength(max, `must be at most ${max} characters`),
    z.superRefine((value, ctx) => {
      const reason = forbiddenCharacter(value);
      if (reason) ctx.addIssue({ code: 'custom', message: reason, input: value });
    }),
  );
}

/** A record id: 1 to 64 letters, digits and . _ : - (what the API's path accepts). */
export function recordId() {
  return z.string().check(
    z.trim(),
    z.minLength(1, 'is required'),
    z.maxLength(TEXT_LIMITS.id, `must be at most ${TEXT_LIMITS.id} characters`),
    z.regex(ID_PATTERN, 'an id has letters, digits and . _ : - only'),
  );
}

/** A number within an inclusive range (finite by construction), optionally whole. */
export function boundedNumber(range: { min: number; max: number }, { integer = false }: { integer?: boolean } = {}) {
  return (integer ? z.int() : z.number()).check(
    z.gte(range.min, `must be at least ${range.min}`),
    z.lte(range.max, `must be at most ${range.max}`),
  );
}
