import type { BookedTeam } from '../ports/DispatchRequests.ts';
import { noDispatchCounts, type DispatchCounts, type WaveContext } from './dispatchGroup.ts';
import { dispatchTeams, readWaveContext } from './dispatchTeams.ts';
import type { MessagingDeps } from './MessagingDeps.ts';
import { resolveMessaging } from './resolveMessaging.ts';

/**
 * The streamed first wave in one process: teams are handed as their bookings land and texted by a pool of
 * the messaging's concurrency while booking goes on, so the SMS pace never idles while booked work waits.
 * The plan and crews are read once per activation; the tasks are the ones handed (nothing else is read).
 * A failed send is kept in `errors`, never thrown: the wave dispatch that follows sends what was not.
 */
export class TeamStream {
  private counts: DispatchCounts = noDispatchCounts();
  private errors: unknown[] = [];
  private readonly waiting: BookedTeam[] = [];
  private readonly contexts = new Map<string, Promise<WaveContext | undefined>>();
  private wakers: (() => void)[] = [];
  private closed = false;
  private running: Promise<void> | undefined;
  private busy = 0;

  constructor(private readonly deps: MessagingDeps) {}

  /** Queues a booked team for its SMS; starts the workers if they are not running. */
  hand(team: BookedTeam): void {
    this.waiting.push(team);
    this.wake();
    this.running ??= this.run();
  }

  /**
   * Works until closed and drained: `m.concurrency` workers, each taking the next team as soon as it is free.
   * Call it yourself (before handing) to run the workers in your own async context (a bench's metered step).
   */
  run(): Promise<void> {
    if (this.running) return this.running;
    const { m } = resolveMessaging(this.deps);
    this.running = Promise.all(Array.from({ length: Math.max(1, m.concurrency) }, () => this.work())).then(() => {});
    return this.running;
  }

  /**
   * Waits for every team handed so far to be sent (or to have failed) and answers what came of them since the
   * last drain; the stream can be handed more afterwards.
   */
  async drain(): Promise<{ counts: DispatchCounts; errors: unknown[] }> {
    if (this.running) {
      this.closed = true;
      this.wake();
      await this.running;
      this.running = undefined;
      this.closed = false;
      this.contexts.clear();
    }
    const done = { counts: this.counts, errors: this.errors };
    this.counts = noDispatchCounts();
    this.errors = [];
    return done;
  }

  /** Teams handed and not yet sent or failed. */
  get pending(): number {
    return this.waiting.length + this.busy;
  }

  private async work(): Promise<void> {
    for (;;) {
      const team = this.waiting.shift();
      if (!team) {
        if (this.closed) return;
        await new Promise<void>((resolve) => this.wakers.push(resolve));
        continue;
      }
      this.busy++;
      try {
        const ctx = await this.context(team);
        if (ctx) add(this.counts, await dispatchTeams(this.deps, ctx, team.tasks));
      } catch (error) {
        this.errors.push(error);
      } finally {
        this.busy--;
      }
    }
  }

  /** The activation as handed (its wave is the tasks'), with the plan and crews read once. */
  private context(team: BookedTeam): Promise<WaveContext | undefined> {
    const id = team.activation.id;
    let ctx = this.contexts.get(id);
    if (!ctx) {
      ctx = readWaveContext(this.deps, id).then((read) => (read ? { ...read, activation: team.activation } : undefined));
      ctx.catch(() => this.contexts.delete(id));
      this.contexts.set(id, ctx);
    }
    return ctx;
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const w of wakers) w();
  }
}

function add(into: DispatchCounts, from: DispatchCounts): void {
  into.sent += from.sent;
  into.skipped += from.skipped;
  into.failed += from.failed;
  into.inDoubt += from.inDoubt;
  into.unreachable += from.unreachable;
}
