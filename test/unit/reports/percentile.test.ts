import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../../functions/core/reports/percentile.ts';

describe('median', () => {
  it('is the middle value of an odd count', () => expect(median([9, 1, 5])).toBe(5));
  it('is the mean of the two middle values of an even count', () => expect(median([2, 4, 7, 11])).toBe(5.5));
  it('is null for no values', () => expect(median([])).toBeNull());
});

describe('percentile (nearest rank)', () => {
  it('takes the value at rank ceil(p/100 × n)', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([2, 4, 7, 11], 90)).toBe(11);
    expect(percentile([15, 20, 35, 40, 50], 30)).toBe(20);
  });

  it('is null for no values', () => expect(percentile([], 90)).toBeNull());

  it('refuses a percentile outside (0, 100]', () => expect(() => percentile([1], 0)).toThrow(RangeError));

  it('always answers a value that was observed', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
      expect(values).toContain(percentile(values, p));
    }));
  });

  it('never decreases as p grows', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), fc.integer({ min: 1, max: 99 }), (values, p) => {
      expect(percentile(values, p + 1)!).toBeGreaterThanOrEqual(percentile(values, p)!);
    }));
  });

  it('has at least p % of the values at or below it', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
      const v = percentile(values, p)!;
      expect(values.filter((x) => x <= v).length / values.length).toBeGreaterThanOrEqual(p / 100);
    }));
  });
});
