import type { DynamoMeter } from './DynamoMeter.ts';
import { sampleMemory, type MemoryPeak } from './MemorySampler.ts';

const GC_SLACK_BYTES = 32 * 1024 * 1024;

/** What runs as one Lambda invocation deployed: one handler's call into core. */
export type StepKind = 'poll' | 'plan' | 'dispatch' | 'reply' | 'sweep' | 'stand-down';

export interface StepRecord {
  kind: StepKind;
  label: string;
  ms: number;
  peak: MemoryPeak;
}

/** Runs each Lambda-equivalent step with its DynamoDB requests counted under its kind and its memory sampled. */
export class StepLog {
  readonly steps: StepRecord[] = [];
  private heapAfterGc = 0;

  constructor(private readonly meter: DynamoMeter) {}

  async run<T>(kind: StepKind, label: string, fn: () => Promise<T>): Promise<T> {
    this.collect(kind);
    const started = performance.now();
    const { result, peak } = await sampleMemory(() => this.meter.within(kind, fn));
    this.steps.push({ kind, label, ms: performance.now() - started, peak });
    return result;
  }

  /**
   * A collected heap at the start, where the runtime allows it (tsx --expose-gc), so a step's growth is its
   * own: before every big step, and before a small one once garbage has piled up (a collection each of the
   * hundreds of replies and sweeps would cost more than they do).
   */
  private collect(kind: StepKind): void {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) return;
    if (kind === 'reply' || kind === 'sweep') {
      if (process.memoryUsage().heapUsed < this.heapAfterGc + GC_SLACK_BYTES) return;
    }
    gc();
    this.heapAfterGc = process.memoryUsage().heapUsed;
  }

  count(kind: StepKind): number {
    return this.steps.filter((s) => s.kind === kind).length;
  }
}
