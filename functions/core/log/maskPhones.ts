import { maskPhone } from '../registry/PhoneNumber.ts';

const PHONE_IN_TEXT = /\+[1-9]\d{6,14}(?!\d)/g;

/** Masks every E.164 number found anywhere in a value (strings, arrays, objects), for output outside the registry. */
export function maskPhones<T>(value: T): T {
  if (typeof value === 'string') return value.replace(PHONE_IN_TEXT, (p) => maskPhone(p)) as T;
  if (Array.isArray(value)) return value.map((v) => maskPhones(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPhones(v)])) as T;
  }
  return value;
}
