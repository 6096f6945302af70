import type { RateQuotas } from '../../core/ports/RateQuotas.ts';

/** The in-memory twin of DynamoRateQuotas, held to the same contract suite. */
export class MemoryRateQuotas implements RateQuotas {
  private readonly counts = new Map<string, number>();

  async take(key: string, windowStart: string, limit: number): Promise<boolean> {
    const k = `${key}#${windowStart}`;
    const taken = this.counts.get(k) ?? 0;
    if (taken >= limit) return false;
    this.counts.set(k, taken + 1);
    return true;
  }
}
