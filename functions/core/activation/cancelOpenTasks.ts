import { groupByCrew } from '../dispatch/groupByCrew.ts';
import { runPool } from '../dispatch/runPool.ts';
import { OPEN_TASK_STATES, type Task } from '../operations/Task.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { TransitionGuard } from '../ports/TaskStore.ts';
import type { ReasonCode } from '../text/ReasonCode.ts';

const ROUNDS = 3;
/** Crews whose tasks close at once. */
const CREWS_AT_ONCE = 16;

/**
 * Cancels the activation's open tasks that `select` picks, which frees their crews and vehicles, and
 * logs one entry naming them. A task that a reply moves on meanwhile is re-read and tried again; one
 * that reached done is left done. With `guard`, nothing is cancelled once the activation has been upgraded
 * past the guard's wave (the tasks were picked for a level that no longer holds).
 */
export async function cancelOpenTasks(
  deps: Pick<CoreDeps, 'log' | 'clock' | 'tasks'>,
  activationId: string,
  select: (task: Task) => boolean,
  by: { actor: string; reason: string; reasonCode: ReasonCode },
  guard?: TransitionGuard,
): Promise<Task[]> {
  const cancelled: Task[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const open = (await deps.tasks.listTasks(activationId)).filter((t) => OPEN_TASK_STATES.includes(t.state) && select(t));
    if (open.length === 0) break;
    const at = deps.clock.now().toISOString();
    // Crews a few at a time, each crew's tasks together (its locks go when its last task closes). All at once, a
    // city's 400 crews queued 374 transactions behind the client's 50 sockets and DynamoDB Local gave up on a lock.
    await runPool([...groupByCrew(open).values()], CREWS_AT_ONCE, async (crewTasks) => {
      cancelled.push(...(await deps.tasks.closeTasks(crewTasks, 'cancelled', at, guard)));
    });
  }
  cancelled.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  if (cancelled.length > 0) {
    await deps.log.append({
      activationId, at: deps.clock.now().toISOString(), actor: by.actor, action: 'tasks.cancelled', subject: `activation:${activationId}`,
      details: { tasks: cancelled.map((t) => t.code), crews: [...new Set(cancelled.map((t) => t.crewId))], vehicles: [...new Set(cancelled.map((t) => t.vehicleId))], reasonCode: by.reasonCode },
      reason: by.reason,
    });
  }
  return cancelled;
}
