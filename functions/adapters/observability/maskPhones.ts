import { maskPhonesInText } from '../../core/log/maskPhones.ts';

/** Whether a text holds a phone number in any form the one masking rule knows. */
const hasPhone = (text: string) => maskPhonesInText(text) !== text;

export { maskPhonesInText };

/**
 * A JSON.stringify replacer for Powertools Logger's `jsonReplacerFn`: it sees every value of a log line,
 * however deep (message, attributes, formatted errors), so a phone number passed by mistake in any
 * attribute is masked before the line is written, by the same rule as every API answer
 * (core/log/maskPhones.ts). Object keys are masked too (a map keyed by phone).
 */
export function maskPhonesReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return maskPhonesInText(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Error) && Object.keys(value).some(hasPhone)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [maskPhonesInText(k), v]));
  }
  return value;
}
