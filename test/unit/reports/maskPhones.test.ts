import { describe, expect, it } from 'vitest';
import { maskPhones } from '../../../functions/core/log/maskPhones.ts';

describe('maskPhones', () => {
  it('masks numbers inside text, arrays and nested objects', () => {
    expect(maskPhones({ a: 'call +8613812345678 now', b: ['+12025550123'], c: { d: 4 } })).toEqual({ a: 'call +86 138****5678 now', b: ['+1 202****0123'], c: { d: 4 } });
  });

  it('leaves text without phones as it was', () => expect(maskPhones('tier 1, 12.9 mm in 6 h')).toBe('tier 1, 12.9 mm in 6 h'));
});
