import type { Task } from '../operations/Task.ts';
import type { CitizenCase } from './CitizenCase.ts';
import { followTasks, type FollowDeps } from './followTask.ts';

/**
 * 处置 at the crew's reply: the cases the replied tasks came from take their step at once ("3 done" puts a
 * case to verification, "9 cannot" back in the queue), so the officer's queue shows it without waiting for
 * someone to read the case. Tasks from no case cost one lookup each.
 */
export async function followReplyTasks(deps: FollowDeps, tasks: readonly Task[]): Promise<CitizenCase[]> {
  const caseIds = await Promise.all(tasks.map((t) => deps.cases.findByTask(t.activationId, t.id)));
  const found = await Promise.all([...new Set(caseIds.filter((id): id is string => id !== undefined))].map((id) => deps.cases.get(id)));
  return followTasks(deps, found.filter((c): c is CitizenCase => c !== undefined));
}
