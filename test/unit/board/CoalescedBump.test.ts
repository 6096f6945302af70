import { describe, expect, it } from 'vitest';
import { CoalescedBump } from '../../../functions/core/board/CoalescedBump.ts';
import type { BoardChange, BoardMark, BoardVersion } from '../../../functions/core/ports/BoardVersion.ts';

/** A version whose bumps land only when released, one at a time, in order; it keeps the changes each bump named. */
class HeldVersion implements BoardVersion {
  value = 0;
  started = 0;
  readonly changes: BoardChange[] = [];
  private readonly waiting: (() => void)[] = [];
  async read(): Promise<BoardMark> { return { version: this.value, at: [this.value] }; }
  async changesBetween(): Promise<BoardChange[]> { return this.changes; }
  bump(change: BoardChange): Promise<void> {
    this.started++;
    return new Promise((resolve) => this.waiting.push(() => { this.value++; this.changes.push(change); resolve(); }));
  }
  release(): void { this.waiting.shift()?.(); }
}

const task = (id: string): BoardChange => ({ tasks: { 'act-1': [id] } });

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CoalescedBump', () => {
  it('sends one bump for all the writes that land while another is in flight', async () => {
    const inner = new HeldVersion();
    const version = new CoalescedBump(inner);
    const first = version.bump(task('t0'));
    const rest = Array.from({ length: 50 }, (_, i) => version.bump(task(`t${i + 1}`)));
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
    void version.bump(task('t1'));
    let secondDone = false;
    const second = version.bump(task('t2')).then(() => { secondDone = true; });
    inner.release();
    await settle();
    const afterFirst = secondDone;
    inner.release();
    await second;
    expect({ afterFirst, secondDone, value: inner.value }).toEqual({ afterFirst: false, secondDone: true, value: 2 });
  });

  it('passes a failed bump on to its caller and bumps again for the next write', async () => {
    let calls = 0;
    const version = new CoalescedBump({ read: async () => ({ version: calls, at: [calls] }), changesBetween: async () => [], bump: async () => { calls++; if (calls === 1) throw new Error('throttled'); } });
    await expect(version.bump(task('t1'))).rejects.toThrow('throttled');
    await version.bump(task('t2'));
    expect(calls).toBe(2);
  });

  it('names in the one bump every change of the writes it stands for', async () => {
    const inner = new HeldVersion();
    const version = new CoalescedBump(inner);
    const first = version.bump(task('t0'));
    const rest = [version.bump(task('t2')), version.bump({ cases: { 'act-1': ['c1'] } }), version.bump(task('t1'))];
    inner.release();
    await first;
    await settle();
    inner.release();
    await Promise.all(rest);
    expect(inner.changes).toEqual([task('t0'), { tasks: { 'act-1': ['t1', 't2'] }, cases: { 'act-1': ['c1'] } }]);
  });
});
