import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../functions/core/dispatch/backoffDelay.ts';
import { TokenBucket } from '../../../functions/core/dispatch/TokenBucket.ts';

/** A clock that only moves when the bucket sleeps, so pacing is exact and instant. */
function virtualTime() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => { now += ms; } };
}

describe('TokenBucket', () => {
  it('paces 100 single-part messages at 10 parts/s over about 10 s, after a burst of one tenth of a second', async () => {
    const time = virtualTime();
    const bucket = new TokenBucket({ partsPerSecond: 10, ...time });
    for (let i = 0; i < 100; i++) await bucket.acquire(1);
    expect(time.now()).toBeGreaterThanOrEqual(9_800);
    expect(time.now()).toBeLessThanOrEqual(10_000);
  });

  it('counts message parts: a 3-part SMS costs three single ones', async () => {
    const time = virtualTime();
    const bucket = new TokenBucket({ partsPerSecond: 10, burst: 1, ...time });
    for (let i = 0; i < 10; i++) await bucket.acquire(3);
    expect(time.now()).toBeGreaterThanOrEqual(2_600);
  });

  it('gives refunded parts back, so a throttled call does not use up throughput', async () => {
    const time = virtualTime();
    const bucket = new TokenBucket({ partsPerSecond: 10, burst: 1, ...time });
    await bucket.acquire(1);
    bucket.refund(1);
    await bucket.acquire(1);
    expect(time.now()).toBe(0);
  });
});

describe('backoffDelay', () => {
  const policy = { maxTries: 6, baseDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles the ceiling with each failed try, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
  });

  it('jitters uniformly below the ceiling', () => {
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(200);
  });
});
