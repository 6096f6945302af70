import { E164 } from '../../../core/registry/PhoneNumber.ts';

/** Alibaba Cloud's PhoneNumbers form: a mainland number without +86, any other with its country code and no '+'. */
export function aliyunPhoneNumber(e164: string): string {
  if (!E164.test(e164)) throw new Error('not an E.164 phone number');
  return e164.startsWith('+86') ? e164.slice(3) : e164.slice(1);
}

/** The E.164 form of a number as Alibaba Cloud's callbacks write it (mainland numbers without a country code). */
export function e164FromAliyun(phone: string): string {
  const digits = phone.replace(/^\+/, '');
  if (/^1\d{10}$/.test(digits)) return `+86${digits}`;
  return `+${digits}`;
}
