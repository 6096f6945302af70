import { crewTaskingPrefix, type TaskingCase } from '../../core/escalation/TaskingCase.ts';
import type { TaskingCases } from '../../core/ports/TaskingCases.ts';
import { byId, copy, record, type OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoTaskingCases. */
export class MemoryTaskingCases implements TaskingCases {
  constructor(private readonly memory: OperationsMemory) {}

  async createTaskingCase(c: TaskingCase): Promise<'created' | 'exists'> {
    const key = `${c.activationId}#${c.id}`;
    if (this.memory.cases.has(key)) return 'exists';
    this.memory.cases.set(key, copy(c));
    return 'created';
  }

  async getTaskingCase(activationId: string, id: string): Promise<TaskingCase | undefined> {
    const found = this.memory.cases.get(`${activationId}#${id}`);
    return found ? record(found) : undefined;
  }

  async saveTaskingCase(c: TaskingCase, expectedVersion: number): Promise<boolean> {
    const m = this.memory;
    const key = `${c.activationId}#${c.id}`;
    return m.writeIf(() => m.cases.get(key), (stored) => stored?.version === expectedVersion, (writeId) => {
      m.cases.set(key, { ...copy(c), ...(writeId ? { writeId } : {}) });
    }, crypto.randomUUID()) === 'written';
  }

  async listTaskingCases(activationId: string): Promise<TaskingCase[]> {
    return byId([...this.memory.cases.values()].filter((c) => c.activationId === activationId)).map((c) => record(c));
  }

  async listCrewTaskingCases(activationId: string, crewId: string): Promise<TaskingCase[]> {
    const prefix = crewTaskingPrefix(activationId, crewId);
    return (await this.listTaskingCases(activationId)).filter((c) => c.id.startsWith(prefix));
  }

  async listDueTaskingCases(now: string, limit: number, after?: TaskingCase): Promise<TaskingCase[]> {
    const upper = `${now}#\uffff`;
    const from = after?.dueAt ? `${after.dueAt}#${after.id}` : '';
    return [...this.memory.cases.values()]
      .filter((c) => Boolean(c.dueAt) && `${c.dueAt}#${c.id}` <= upper && `${c.dueAt}#${c.id}` > from)
      .sort((a, b) => (`${a.dueAt}#${a.id}` < `${b.dueAt}#${b.id}` ? -1 : 1))
      .slice(0, limit)
      .map((c) => record(c));
  }
}
