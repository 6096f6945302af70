import type { BoardChange, BoardMark, BoardVersion } from '../../core/ports/BoardVersion.ts';
import { changeToKeep } from '../../core/board/mergeChanges.ts';
import { copy, type OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoBoardVersion: one counter, every change kept. */
export class MemoryBoardVersion implements BoardVersion {
  constructor(private readonly memory: OperationsMemory) {}

  async read(): Promise<BoardMark> {
    const n = this.memory.boardChanges.length;
    return { version: n, at: [n] };
  }

  async bump(change: BoardChange): Promise<void> {
    this.memory.boardChanges.push(copy(changeToKeep(change)));
  }

  async changesBetween(from: BoardMark, to: BoardMark): Promise<BoardChange[] | undefined> {
    return this.memory.boardChanges.slice(from.at[0] ?? 0, to.at[0] ?? 0).map((c) => copy(c));
  }
}
