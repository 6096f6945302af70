import type { CaseTask, CitizenCase } from '../../core/citizen/CitizenCase.ts';
import { ConflictError } from '../../core/errors/ConflictError.ts';
import type { CaseWrite, CitizenCases } from '../../core/ports/CitizenCases.ts';

/** A copy as the store would give it back: no shared objects, no undefined attributes. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The in-memory twin of DynamoCitizenCases, held to the same contract suite. */
export class MemoryCitizenCases implements CitizenCases {
  private readonly cases = new Map<string, CitizenCase>();
  private readonly links = new Map<string, Set<string>>();

  async create(c: CitizenCase): Promise<void> {
    if (this.cases.has(c.id)) throw new ConflictError(`case ${c.id} exists already`, { caseId: c.id });
    this.cases.set(c.id, copy(c));
  }

  async get(id: string): Promise<CitizenCase | undefined> {
    const c = this.cases.get(id);
    return c ? copy(c) : undefined;
  }

  async save(...writes: CaseWrite[]): Promise<boolean> {
    if (!writes.every((w) => this.cases.get(w.case.id)?.version === w.expectedVersion)) return false;
    for (const w of writes) this.cases.set(w.case.id, copy(w.case));
    return true;
  }

  async listSubmitted(range: { from: string; to?: string }): Promise<CitizenCase[]> {
    return [...this.cases.values()]
      .filter((c) => c.submittedAt >= range.from && (range.to === undefined || c.submittedAt < range.to))
      .sort((a, b) => (newestFirst(`${a.submittedAt}#${a.id}`, `${b.submittedAt}#${b.id}`)))
      .map(copy);
  }

  async linkTask(task: CaseTask, caseId: string): Promise<void> {
    const key = `${task.activationId}#${task.taskId}`;
    this.links.set(key, (this.links.get(key) ?? new Set()).add(caseId));
  }

  async casesOfTask(activationId: string, taskId: string): Promise<string[]> {
    return [...(this.links.get(`${activationId}#${taskId}`) ?? [])];
  }
}

/** Byte order, as DynamoDB sorts keys, descending. */
function newestFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
