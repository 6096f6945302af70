import type { BoardVersion } from '../../core/ports/BoardVersion.ts';
import type { OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoBoardVersion. */
export class MemoryBoardVersion implements BoardVersion {
  constructor(private readonly memory: OperationsMemory) {}

  async read(): Promise<number> {
    return this.memory.boardVersion;
  }

  async bump(): Promise<void> {
    this.memory.boardVersion++;
  }
}
