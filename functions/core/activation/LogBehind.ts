import type { LogEntry } from '../log/LogEntry.ts';
import type { ResponseLog } from '../ports/ResponseLog.ts';

/**
 * Log entries written behind the work they record: a booking loop hands each team's entry here and books the
 * next team while it is written, instead of waiting a round trip per team (3,768 of them at 50,000 roads).
 * At most `inFlight` at once; the first failure is thrown by the next append or by flush, so a run never
 * ends with an entry silently lost.
 */
export class LogBehind {
  private readonly writing: Promise<void>[] = [];
  private failure: { error: unknown } | undefined;

  constructor(private readonly log: Pick<ResponseLog, 'append'>, private readonly inFlight: number) {}

  async append(entry: LogEntry): Promise<void> {
    this.throwIfFailed();
    this.writing.push(this.log.append(entry).catch((error: unknown) => { this.failure ??= { error }; }));
    if (this.writing.length >= this.inFlight) await this.writing.shift();
    this.throwIfFailed();
  }

  /** Waits for every entry handed so far; throws the first that failed. */
  async flush(): Promise<void> {
    await this.settle();
    this.throwIfFailed();
  }

  /** Waits for every entry handed so far, failed or not (a run already failing for another reason). */
  async settle(): Promise<void> {
    while (this.writing.length > 0) await this.writing.shift();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
