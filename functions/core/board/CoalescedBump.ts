import type { BoardChange, BoardMark, BoardVersion } from '../ports/BoardVersion.ts';
import { mergeChanges } from './mergeChanges.ts';

/**
 * The board version of one process, its bumps coalesced: while one bump is in flight, every write that
 * lands waits for the one next bump (which starts after them and names all their changes), so a wave of
 * hundreds of task writes costs a handful of bumps, not one each. Each caller still returns only once a bump
 * begun after its write, and naming its change, has landed.
 */
export class CoalescedBump implements BoardVersion {
  private running: Promise<void> | undefined;
  private queued: { done: Promise<void>; changes: BoardChange[] } | undefined;

  constructor(private readonly inner: BoardVersion) {}

  read(): Promise<BoardMark> {
    return this.inner.read();
  }

  changesBetween(from: BoardMark, to: BoardMark): Promise<BoardChange[] | undefined> {
    return this.inner.changesBetween(from, to);
  }

  bump(change: BoardChange): Promise<void> {
    if (this.queued) {
      this.queued.changes.push(change);
      return this.queued.done;
    }
    if (!this.running) return this.start(change);
    const settled = this.running.then(() => undefined, () => undefined);
    const changes = [change];
    const done = settled.then(() => {
      this.queued = undefined;
      return this.start(mergeChanges(changes));
    });
    this.queued = { done, changes };
    return done;
  }

  private start(change: BoardChange): Promise<void> {
    const run: Promise<void> = this.inner.bump(change).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}
