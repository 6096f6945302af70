import * as z from '../../config/zod.ts';

/** E.164: a plus, a country code that does not start with 0, up to 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;

export const phoneNumberSchema = z.string().check(z.regex(E164, 'must be an E.164 phone number such as +8613812345678'));

/** Masks a phone for logs and reports: +8613812345678 -> +86 138****5678. */
export function maskPhone(phone: string): string {
  if (!E164.test(phone)) return '***';
  const cc = phone.startsWith('+86') ? '+86' : phone.startsWith('+1') ? '+1' : phone.slice(0, 3);
  const national = phone.slice(cc.length);
  if (national.length < 7) return `${cc} ****`;
  return `${cc} ${national.slice(0, 3)}****${national.slice(-4)}`;
}
