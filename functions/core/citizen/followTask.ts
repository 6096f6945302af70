import { ConflictError } from '../errors/ConflictError.ts';
import type { TaskStore } from '../ports/TaskStore.ts';
import type { CitizenCase } from './CitizenCase.ts';
import { recordHandled, recordWaiting, type CaseWorkDeps } from './caseWork.ts';

export type FollowDeps = CaseWorkDeps & { tasks: Pick<TaskStore, 'getTasks'> };

/**
 * 处置: a dispatched case follows its task. When the crew has answered "3 done" (or the task was verified),
 * the case is handled and waits for the officer's check; when the crew answered "9 cannot" or the task was
 * cancelled (stand-down), the case waits to be dispatched again, with the reason. Run by the crew's reply
 * itself (followReplyTasks), and again when the officer's queue or the reporter's page reads the case, for a
 * step the reply could not take (a stand-down's cancelled tasks). Any other case is returned as it is.
 */
export async function followTask(deps: FollowDeps, c: CitizenCase): Promise<CitizenCase> {
  if (c.state !== 'dispatched' || !c.task) return c;
  const [task] = await deps.tasks.getTasks(c.task.activationId, [c.task.taskId]);
  if (!task) return c;
  if (task.state === 'done' || task.state === 'verified') return recordHandled(deps, { caseId: c.id, actor: `crew:${task.crewId}` });
  if (task.state === 'cannot') return recordWaiting(deps, { caseId: c.id, reason: `crew ${task.crewId} answered that it cannot do task ${task.code}`, actor: `crew:${task.crewId}` });
  if (task.state === 'cancelled') return recordWaiting(deps, { caseId: c.id, reason: `task ${task.code} was cancelled (the response was lowered or stood down)`, actor: 'system' });
  return c;
}

/** Every dispatched case among `cases` brought up to its task's state (a race with another reader is harmless: the step is taken once). */
export async function followTasks(deps: FollowDeps, cases: readonly CitizenCase[]): Promise<CitizenCase[]> {
  return Promise.all(cases.map((c) => followTask(deps, c).catch(async (error: unknown) => {
    // Another reader took the step first: the case as it now is.
    if (error instanceof ConflictError) return (await deps.cases.get(c.id)) ?? c;
    throw error;
  })));
}
