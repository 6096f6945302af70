import type { ZoneState } from '../../core/operations/ZoneState.ts';
import type { ZoneStates } from '../../core/ports/ZoneStates.ts';
import { copy, type OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoZoneStates. */
export class MemoryZoneStates implements ZoneStates {
  constructor(private readonly memory: OperationsMemory) {}

  async getZoneStates(): Promise<ZoneState[]> {
    return [...this.memory.zoneStates.keys()].sort().map((id) => copy(this.memory.zoneStates.get(id)!));
  }

  async putZoneState(state: ZoneState): Promise<void> {
    this.memory.zoneStates.set(state.zoneId, copy(state));
  }
}
