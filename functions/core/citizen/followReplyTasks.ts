import type { Task } from '../operations/Task.ts';
import type { CitizenCase } from './CitizenCase.ts';
import { followTasks, type FollowDeps } from './followTask.ts';

/**
 * 处置 at the crew's reply: every case the replied tasks serve takes its step at once ("3 done" puts a
 * case to verification, "9 cannot" back in the queue), so the officer's queue shows it without waiting for
 * someone to read the case. A task may serve several cases (a second case joins a crew already on its road);
 * tasks from no case cost one lookup each.
 */
export async function followReplyTasks(deps: FollowDeps, tasks: readonly Task[]): Promise<CitizenCase[]> {
  const caseIds = (await Promise.all(tasks.map((t) => deps.cases.casesOfTask(t.activationId, t.id)))).flat();
  const found = await Promise.all([...new Set(caseIds)].map((id) => deps.cases.get(id)));
  return followTasks(deps, found.filter((c): c is CitizenCase => c !== undefined));
}
