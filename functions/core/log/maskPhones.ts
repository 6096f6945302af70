import { E164, maskPhone } from '../registry/PhoneNumber.ts';

/**
 * Phone numbers as people write them, matched on text whose full-width digits, plus, dashes, brackets
 * and spaces are folded to ASCII first (one character for one, so positions hold):
 * - international: + or 00, then digit groups with at most one space, dash, dot or bracket between;
 * - a Chinese mobile: 1[3-9]x xxxx xxxx, compact, spaced or dashed;
 * - a landline with its area code: 0xxx-xxxxxxx, (0xxx) xxxx xxxx;
 * - a North American national number: (202) 555-0123, 202-555-0123, 202.555.0123.
 * None may touch a letter, digit or decimal point on its left or a digit on its right, so times, ids,
 * coordinates and amounts are left alone.
 */
const PHONE_IN_TEXT = new RegExp([
  String.raw`(?<![\w.,+])(?:\+|00)[1-9]\d*(?:(?:[ \-.]|[ ]?\(\d+\)[ ]?)\d+)*(?!\d)`,
  String.raw`(?<![\w.,+])1[3-9]\d(?:[ \-]?\d{4}){2}(?!\d)`,
  String.raw`(?<![\w.,+])(?:\(0\d{2,3}\)[ ]?|0\d{2,3}[ \-])\d{3,4}[ \-]?\d{4}(?!\d)`,
  String.raw`(?<![\w.,+])(?:\(\d{3}\)[ ]?|\d{3}[ \-.])\d{3}[ \-.]\d{4}(?!\d)`,
].join('|'), 'g');

/**
 * Full-width digits, plus, brackets and dash, the ideographic space and typographic dashes folded to ASCII
 * (one UTF-16 unit for one). Full-width commas and stops are kept: they end a sentence, not a decimal.
 */
function fold(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0B\uFF08\uFF09\uFF0D\u3000\u2010-\u2015\u2212]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff08 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
    return c === '\u3000' ? ' ' : '-';
  });
}

/** A written number's masked form: E.164 as maskPhone gives it, anything else its first 3 and last 4 digits. */
function maskWritten(written: string): string {
  const digits = written.replace(/\D/g, '');
  if (written.startsWith('+') || written.startsWith('00')) {
    const e164 = `+${written.startsWith('00') ? digits.slice(2) : digits}`;
    if (E164.test(e164)) return maskPhone(e164);
    return `+${e164.slice(1, 3)}****${e164.slice(-4)}`;
  }
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Replaces every phone number in a text, in any common written form, by its masked form. */
export function maskPhonesInText(text: string): string {
  const folded = fold(text);
  let out = '';
  let last = 0;
  for (const m of folded.matchAll(PHONE_IN_TEXT)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 7) continue;
    out += text.slice(last, m.index) + maskWritten(m[0]);
    last = m.index + m[0].length;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Masks every phone number found anywhere in a value (strings, arrays, objects), for output outside the registry. */
export function maskPhones<T>(value: T): T {
  if (typeof value === 'string') return maskPhonesInText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskPhones(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPhones(v)])) as T;
  }
  return value;
}
