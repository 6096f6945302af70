import { describe, expect, it } from 'vitest';
import { CoalescedBump } from '../../../functions/core/board/CoalescedBump.ts';
import type { BoardVersion } from '../../../functions/core/ports/BoardVersion.ts';

/** A version whose bumps land only when released, one at a time, in order. */
class HeldVersion implements BoardVersion {
  value = 0;
  started = 0;
  private readonly waiting: (() => void)[] = [];
  async read(): Promise<number> { return this.value; }
  bump(): Promise<void> {
    this.started++;
    return new Promise((resolve) => this.waiting.push(() => { this.value++; resolve(); }));
  }
  release(): void { this.waiting.shift()?.(); }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CoalescedBump', () => {
  it('sends one bump for all the writes that land while another is in flight', async () => {
    const inner = new HeldVersion();
    const version = new CoalescedBump(inner);
    const first = version.bump();
    const rest = Array.from({ length: 50 }, () => version.bump());
    inner.release();
    await first;
    await settle();
    inner.release();
    await Promise.all(rest);
    expect({ started: inner.started, value: inner.value }).toEqual({ started: 2, value: 2 });
  });

  it('returns to a write that landed during a bump only after a bump begun after it has landed', async () => {
    const inner = new HeldVersion();
    const version = new CoalescedBump(inner);
    void version.bump();
    let secondDone = false;
    const second = version.bump().then(() => { secondDone = true; });
    inner.release();
    await settle();
    const afterFirst = secondDone;
    inner.release();
    await second;
    expect({ afterFirst, secondDone, value: inner.value }).toEqual({ afterFirst: false, secondDone: true, value: 2 });
  });

  it('passes a failed bump on to its caller and bumps again for the next write', async () => {
    let calls = 0;
    const version = new CoalescedBump({ read: async () => calls, bump: async () => { calls++; if (calls === 1) throw new Error('throttled'); } });
    await expect(version.bump()).rejects.toThrow('throttled');
    await version.bump();
    expect(calls).toBe(2);
  });
});
