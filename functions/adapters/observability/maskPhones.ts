import { maskPhone } from '../../core/registry/PhoneNumber.ts';

/** An E.164 number anywhere in a text: not preceded or followed by another digit. */
const E164_IN_TEXT = /(?<!\d)\+[1-9]\d{6,14}(?!\d)/g;
const HAS_E164 = new RegExp(E164_IN_TEXT.source);

/** Replaces every E.164 number in a text by its masked form (+8613812345678 -> +86 138****5678). */
export function maskPhonesInText(text: string): string {
  return text.replace(E164_IN_TEXT, (phone) => maskPhone(phone));
}

/**
 * A JSON.stringify replacer for Powertools Logger's `jsonReplacerFn`: it sees every value of a log line,
 * however deep (message, attributes, formatted errors), so a phone number passed by mistake in any
 * attribute is masked before the line is written. Object keys are masked too (a map keyed by phone).
 */
export function maskPhonesReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return maskPhonesInText(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Error) && Object.keys(value).some((k) => HAS_E164.test(k))) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [maskPhonesInText(k), v]));
  }
  return value;
}
