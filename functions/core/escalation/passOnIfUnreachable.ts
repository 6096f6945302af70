import type { Delivery } from '../dispatch/deliver.ts';
import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import { advanceCase } from './advanceCase.ts';
import type { CaseContext } from './CaseContext.ts';
import type { TaskingCase } from './TaskingCase.ts';

/**
 * When a tasking's first SMS failed for good (invalid number, opted out), marks its leader unreachable and
 * takes the tasking up the ladder at once (to the backup, or the duty officer). True when the SMS failed for good.
 */
export async function passOnIfUnreachable(deps: MessagingDeps, c: TaskingCase, delivery: Delivery, ctx: Omit<CaseContext, 'tasks'>, actor: string): Promise<boolean> {
  if (delivery.message.state !== 'failed' || !delivery.message.permanent) return false;
  const at = deps.clock.now().toISOString();
  const current = (await deps.taskingCases.getTaskingCase(c.activationId, c.id)) ?? c;
  const leader = current.recipients.find((r) => r.role === 'leader');
  if (current.step !== 'leader' || leader?.outcome !== 'pending') return true;
  const marked: TaskingCase = { ...current, recipients: current.recipients.map((r) => (r.role === 'leader' ? { ...r, outcome: 'unreachable', at, reason: delivery.message.failure ?? 'failed' } : r)) };
  // The case's own tasks (CaseContext asks no more): the dispatcher does not read the whole activation per unreachable leader.
  await advanceCase(deps, marked, { ...ctx, tasks: await deps.tasks.getTasks(c.activationId, marked.taskIds) }, actor);
  return true;
}
