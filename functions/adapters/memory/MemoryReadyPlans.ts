import type { ReadyPlan } from '../../core/operations/ReadyPlan.ts';
import type { ReadyPlans } from '../../core/ports/ReadyPlans.ts';
import { copy, type OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoReadyPlans (held to the same contract suite). */
export class MemoryReadyPlans implements ReadyPlans {
  constructor(private readonly memory: OperationsMemory) {}

  async getReadyPlan(): Promise<ReadyPlan | undefined> {
    return this.memory.readyPlan ? copy(this.memory.readyPlan) : undefined;
  }

  async saveReadyPlan(plan: ReadyPlan): Promise<void> {
    const kept = this.memory.readyPlan;
    if (kept && kept.madeAt > plan.madeAt) return;
    this.memory.readyPlan = copy(plan);
  }

  async confirmReadyPlan(inputKey: string, checkedAt: string): Promise<boolean> {
    const kept = this.memory.readyPlan;
    if (kept?.inputKey !== inputKey) return false;
    kept.checkedAt = checkedAt;
    return true;
  }

  async clearReadyPlan(): Promise<void> {
    this.memory.readyPlan = undefined;
  }
}
