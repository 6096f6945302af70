import type { TaskingCase } from '../escalation/TaskingCase.ts';

/** Taskings under escalation, each followed until someone confirms it. */
export interface TaskingCases {
  /** Opens a tasking's case unless it exists (a retried dispatch finds the one it opened). */
  createTaskingCase(c: TaskingCase): Promise<'created' | 'exists'>;
  getTaskingCase(activationId: string, id: string): Promise<TaskingCase | undefined>;
  /** Saves `c` (whose version is expectedVersion + 1) only if the stored one is still at expectedVersion. */
  saveTaskingCase(c: TaskingCase, expectedVersion: number): Promise<boolean>;
  listTaskingCases(activationId: string): Promise<TaskingCase[]>;
  /** One crew's taskings in an activation (a reply needs no other crew's). */
  listCrewTaskingCases(activationId: string, crewId: string): Promise<TaskingCase[]>;
  /**
   * Up to `limit` cases whose dueAt is at or before `now`, earliest first, from the due index (no scan).
   * `after`: the last case of the previous page, as it was listed; the page starts after it, so a caller
   * reads every due case a page at a time however many there are.
   */
  listDueTaskingCases(now: string, limit: number, after?: TaskingCase): Promise<TaskingCase[]>;
}
