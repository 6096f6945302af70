import * as z from '../../config/zod.ts';
import { hiddenCharacter } from '../text/hiddenCharacters.ts';
import { ID_PATTERN, TEXT_LIMITS } from './limits.ts';

/** Trimmed, NFC-normalised text of 1 to `max` characters, with no control or bidi characters (hiddenCharacters.ts). */
export function boundedText(max: number) {
  return z.string().check(
    z.trim(),
    z.normalize('NFC'),
    z.minLength(1, 'is required'),
    z.maxLength(max, `must be at most ${max} characters`),
    z.superRefine((value, ctx) => {
      const reason = hiddenCharacter(value);
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

/** Prose (a reason, a message) of `min` to `max` characters: trimmed, NFC-normalised, line breaks allowed, no other hidden character. */
export function boundedProse(min: number, max: number, messages: { type?: string; min: string; max: string }) {
  return z.string(messages.type === undefined ? undefined : { error: messages.type }).check(
    z.trim(),
    z.normalize('NFC'),
    z.minLength(min, messages.min),
    z.maxLength(max, messages.max),
    z.superRefine((value, ctx) => {
      const reason = hiddenCharacter(value, { prose: true });
      if (reason) ctx.addIssue({ code: 'custom', message: reason, input: value });
    }),
  );
}
