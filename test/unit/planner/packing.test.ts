import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binPack } from '../../../functions/core/planner/binPack.ts';
import { knapsack } from '../../../functions/core/planner/knapsack.ts';

const items = fc.array(fc.record({ value: fc.double({ min: 0.1, max: 100, noNaN: true }), hours: fc.double({ min: 0.05, max: 4, noNaN: true }) }), { maxLength: 9 });

/** The best total value over every subset (or every assignment to bins), by enumeration. */
function bruteForce(list: { value: number; hours: number[] }[], caps: number[]): number {
  let best = 0;
  const go = (i: number, left: number[], value: number) => {
    if (i === list.length) { best = Math.max(best, value); return; }
    go(i + 1, left, value);
    list[i]!.hours.forEach((h, b) => {
      if (h <= left[b]! + 1e-9) { const next = [...left]; next[b] = next[b]! - h; go(i + 1, next, value + list[i]!.value); }
    });
  };
  go(0, caps, 0);
  return best;
}

describe('knapsack', () => {
  it('picks a subset that fits and is within a time unit per item of the best', () => {
    fc.assert(fc.property(items, fc.double({ min: 0.5, max: 8, noNaN: true }), (list, cap) => {
      const chosen = knapsack(list.map((i) => i.value), list.map((i) => i.hours), cap);
      expect(chosen.reduce((s, i) => s + list[i]!.hours, 0)).toBeLessThanOrEqual(cap + 1e-9);
      // Times round up to a quarter minute, so the optimum with slightly less room is a floor.
      const floor = bruteForce(list.map((i) => ({ value: i.value, hours: [i.hours + 1 / 240] })), [cap]);
      expect(chosen.reduce((s, i) => s + list[i]!.value, 0)).toBeGreaterThanOrEqual(floor - 1e-6);
    }), { numRuns: 80 });
  });
});

describe('binPack', () => {
  it('finds the best packing of a few items into two or three bins', () => {
    const multi = fc.integer({ min: 2, max: 3 }).chain((bins) => fc.record({
      caps: fc.array(fc.double({ min: 0.5, max: 5, noNaN: true }), { minLength: bins, maxLength: bins }),
      list: fc.array(fc.record({ value: fc.double({ min: 0.1, max: 50, noNaN: true }), hours: fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: bins, maxLength: bins }) }), { maxLength: 7 }),
    }));
    fc.assert(fc.property(multi, ({ caps, list }) => {
      const bins = binPack(list, caps, 1e7);
      const used = caps.map(() => 0);
      let value = 0;
      bins.forEach((b, i) => { if (b >= 0) { used[b]! += list[i]!.hours[b]!; value += list[i]!.value; } });
      used.forEach((u, b) => expect(u).toBeLessThanOrEqual(caps[b]! + 1e-9));
      expect(value).toBeCloseTo(bruteForce(list, caps), 6);
    }), { numRuns: 60 });
  });
});
