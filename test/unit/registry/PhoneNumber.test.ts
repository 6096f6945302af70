import { describe, expect, it } from 'vitest';
import { maskPhone, phoneNumberSchema } from '../../../functions/core/registry/PhoneNumber.ts';

describe('maskPhone', () => {
  it('masks a Chinese mobile number as +86 138****5678', () => {
    expect(maskPhone('+8613812345678')).toBe('+86 138****5678');
  });

  it('keeps the +1 country code of a North American number apart', () => {
    expect(maskPhone('+12025550123')).toBe('+1 202****0123');
  });

  it('hides the middle digits of the national number', () => {
    expect(maskPhone('+8613812345678')).not.toContain('1234');
  });

  it('gives only stars for text that is not an E.164 number', () => {
    expect(maskPhone('13812345678')).toBe('***');
  });
});

describe('phoneNumberSchema', () => {
  it('accepts an E.164 number', () => {
    expect(phoneNumberSchema.safeParse('+8613812345678').success).toBe(true);
  });

  it('rejects a number without its country code', () => {
    expect(phoneNumberSchema.safeParse('13812345678').success).toBe(false);
  });
});
