import type { BoardVersion } from '../ports/BoardVersion.ts';

/**
 * The board version of one process, its bumps coalesced: while one bump is in flight, every write that
 * lands waits for the one next bump (which starts after them), so a wave of hundreds of task writes costs a
 * handful of bumps, not one each. Each caller still returns only once a bump begun after its write has landed.
 */
export class CoalescedBump implements BoardVersion {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly inner: BoardVersion) {}

  read(): Promise<number> {
    return this.inner.read();
  }

  bump(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const settled = this.running.then(() => undefined, () => undefined);
    this.queued = settled.then(() => {
      this.queued = undefined;
      return this.start();
    });
    return this.queued;
  }

  private start(): Promise<void> {
    const run: Promise<void> = this.inner.bump().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}
