import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhones, maskPhonesInText } from '../../../functions/core/log/maskPhones.ts';

describe('maskPhonesInText: one rule for every log line and every non-admin answer', () => {
  it.each([
    ['compact international', '请打+8613800138001', '+86 138****8001'],
    ['spaced international', '或 +86 138 0013 8001 找我', '+86 138****8001'],
    ['dashed international', 'call +86-138-0013-8001.', '+86 138****8001'],
    ['00 international prefix', 'call 0086 138 0013 8001', '+86 138****8001'],
    ['national mobile', '请打13800138000或', '138****8000'],
    ['spaced national mobile', 'phone 138 0013 8000 now', '138****8000'],
    ['dashed national mobile', 'phone 138-0013-8000', '138****8000'],
    ['landline with area code', '值班室0391-2345678', '039****5678'],
    ['landline, area code in brackets', '(0391) 2345 6789', '039****6789'],
    ['North American national', 'call (202) 555-0123', '202****0123'],
    ['North American dotted', 'call 202.555.0123', '202****0123'],
    ['full-width digits', '请打１３８００１３８０００', '138****8000'],
    ['full-width plus and digits', '＋８６１３８００１３８００１', '+86 138****8001'],
  ])('masks a %s number', (_form, text, masked) => {
    const out = maskPhonesInText(text);
    expect(out).toContain(masked);
    expect(out.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\D/g, '')).not.toContain('00138');
  });

  it('masks both numbers of the reply that reached managers in clear (issue 14, defect 8)', () => {
    const out = maskPhonesInText('请打13800138000 或 +86 138 0013 8001');
    expect(out).toBe('请打138****8000 或 +86 138****8001');
  });

  it('leaves times, dates, ids, coordinates, counts and amounts alone', () => {
    const text = 'T07 at 2026-12-14T22:30:00.000Z, act-01JF2K8Z9Q wave 2, 35.2358 113.1990; 12.9 mm in 6 h; 1765670400000 ms; 0.0012345678; R001 C12 V24 豫H铲001';
    expect(maskPhonesInText(text)).toBe(text);
  });

  it('changes nothing in the demo city but its phone numbers', () => {
    const city = readFileSync(new URL('../../../local/demo-city/jiaozuo.json', import.meta.url), 'utf8');
    const withoutPhones = city.replace(/"\+\d+"/g, '"PHONE"');
    expect(maskPhonesInText(withoutPhones)).toBe(withoutPhones);
  });

  it('is idempotent: a masked number is not masked again', () => {
    const once = maskPhonesInText('+8613900391001 13800138000 0391-2345678');
    expect(maskPhonesInText(once)).toBe(once);
  });

  it('keeps only the first three and last four digits of a Chinese mobile number, however it is written (property)', () => {
    const sep = fc.constantFrom('', ' ', '-');
    fc.assert(fc.property(
      fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/), sep, fc.boolean(), fc.boolean(), fc.constantFrom('请打', 'call ', '', '，'),
      (second, rest, s, international, fullWidth, before) => {
        const digits = `1${second}${rest}`;
        let written = `${digits.slice(0, 3)}${s}${digits.slice(3, 7)}${s}${digits.slice(7)}`;
        if (international) written = `+86${s === '' ? '' : ' '}${written}`;
        if (fullWidth) written = written.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const out = maskPhonesInText(`${before}${written}。`);
        const folded = out.replace(/[\uFF10-\uFF19\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');
        expect(folded).toBe(`${international ? '86' : ''}${digits.slice(0, 3)}${digits.slice(-4)}`);
      },
    ), { seed: 14, numRuns: 300 });
  });
});

describe('maskPhones', () => {
  it('masks every string of a value, however deep', () => {
    expect(maskPhones({ a: ['reply 13800138000'], b: { c: '+8613812345678' }, n: 4 })).toEqual({ a: ['reply 138****8000'], b: { c: '+86 138****5678' }, n: 4 });
  });
});
