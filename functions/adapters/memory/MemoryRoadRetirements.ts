import type { RoadRetirements } from '../../core/ports/RoadRetirements.ts';
import type { OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoRoadRetirements (held to the same contract suite). */
export class MemoryRoadRetirements implements RoadRetirements {
  constructor(private readonly memory: OperationsMemory) {}

  async beginRetiring(roadId: string, token: string, at: string, until: string): Promise<'marked' | 'busy'> {
    const m = this.memory;
    const out = m.writeIf(() => m.roadRetirements.get(roadId), (mark) => !mark || mark.until < at || mark.phase === 'retired', (writeId) => {
      m.roadRetirements.set(roadId, { phase: 'retiring', until, writeId });
    }, token);
    return out === 'written' ? 'marked' : 'busy';
  }

  async markRetired(roadId: string, token: string, until: string): Promise<void> {
    const mark = this.memory.roadRetirements.get(roadId);
    if (mark?.writeId === token) Object.assign(mark, { phase: 'retired', until });
  }

  async cancelRetiring(roadId: string, token: string): Promise<void> {
    if (this.memory.roadRetirements.get(roadId)?.writeId === token) this.memory.roadRetirements.delete(roadId);
  }

  async clearRetired(roadId: string): Promise<void> {
    if (this.memory.roadRetirements.get(roadId)?.phase === 'retired') this.memory.roadRetirements.delete(roadId);
  }
}
