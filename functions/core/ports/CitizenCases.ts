import type { CaseTask, CitizenCase } from '../citizen/CitizenCase.ts';

/** A case as it is to be written, and the version it was read at. */
export interface CaseWrite {
  case: CitizenCase;
  expectedVersion: number;
}

/** Citizen cases: written whole, each write conditional on the version it read. */
export interface CitizenCases {
  /** Stores a new case; throws ConflictError when the id is taken. */
  create(c: CitizenCase): Promise<void>;
  get(id: string): Promise<CitizenCase | undefined>;
  /**
   * Replaces cases, all or nothing, each only if it is still at the version it was read at (the written
   * case carries its new version); false, and nothing written, when someone wrote one of them meanwhile.
   */
  save(...writes: CaseWrite[]): Promise<boolean>;
  /** Cases submitted in [from, to), newest first. */
  listSubmitted(range: { from: string; to?: string }): Promise<CitizenCase[]>;
  /** Notes that a task serves a case (a crew's reply to the task finds its cases); a task may serve several. */
  linkTask(task: CaseTask, caseId: string): Promise<void>;
  /** The ids of every case a task serves, none when it came from no case. */
  casesOfTask(activationId: string, taskId: string): Promise<string[]>;
}
