import { OPEN_TASK_STATES } from '../operations/Task.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';

/**
 * Cancels every open task of an activation (stand-down), each freeing its crew and vehicle once
 * they hold no open task; logged with who and why. Returns how many tasks were released.
 */
export async function releaseTasks(deps: CoreDeps, activationId: string, actor: string, reason: string): Promise<number> {
  const open = (await deps.ops.listTasks(activationId)).filter((t) => OPEN_TASK_STATES.includes(t.state));
  const released: string[] = [];
  for (const task of open) {
    if (await deps.ops.transitionTask(task, task.state, 'cancelled', deps.clock.now().toISOString())) released.push(task.code);
  }
  await deps.log.append({ activationId, at: deps.clock.now().toISOString(), actor, action: 'tasks.released', details: { tasks: released, crews: [...new Set(open.map((t) => t.crewId))] }, reason });
  return released.length;
}
