import type { ShortfallMarkers } from '../../core/ports/ShortfallMarkers.ts';
import type { OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoShortfallMarkers. */
export class MemoryShortfallMarkers implements ShortfallMarkers {
  constructor(private readonly memory: OperationsMemory) {}

  async listReportedShortfalls(activationId: string): Promise<Set<string>> {
    return new Set(this.memory.shortfalls.get(activationId) ?? []);
  }

  async markShortfallsReported(activationId: string, passKeys: readonly string[]): Promise<void> {
    const marked = this.memory.shortfalls.get(activationId) ?? new Set<string>();
    for (const key of passKeys) marked.add(key);
    this.memory.shortfalls.set(activationId, marked);
  }
}
