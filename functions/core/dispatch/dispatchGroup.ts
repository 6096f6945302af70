import { passOnIfUnreachable } from '../escalation/passOnIfUnreachable.ts';
import { sendTaskingAttempt } from '../escalation/sendTaskingAttempt.ts';
import { taskingId, type TaskingCase } from '../escalation/TaskingCase.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import type { MessagingDeps } from './MessagingDeps.ts';

/** What sending one wave's taskings needs besides the tasks: read once per wave or batch, not per tasking. */
export interface WaveContext {
  activation: Activation;
  plan: CityPlan;
  crewById: ReadonlyMap<string, Crew>;
}

export interface DispatchCounts {
  sent: number;
  /** Taskings an earlier run had already sent (a retry or a duplicate event). */
  skipped: number;
  failed: number;
  /** Sent, or maybe sent, by a run that died before recording it: not sent again. */
  inDoubt: number;
  /** Failed for good (invalid number, opted out): handed to the backup leader at once. */
  unreachable: number;
}

export const noDispatchCounts = (): DispatchCounts => ({ sent: 0, skipped: 0, failed: 0, inDoubt: 0, unreachable: 0 });

/**
 * Sends one crew's tasking of the wave: its case opened before the SMS (so an unanswered or failed one is
 * followed up, never dropped), the SMS sent exactly once (its key is the case's), the tasks marked
 * dispatched, and an unreachable leader passed over to the backup at once. `existing`: the case a
 * retried run had opened for these tasks. Used by the whole-wave dispatch and by the streamed teams.
 */
export async function dispatchGroup(deps: MessagingDeps, ctx: WaveContext, group: readonly Task[], existing: TaskingCase | undefined, counts: DispatchCounts): Promise<void> {
  const { activation, plan } = ctx;
  const crew = ctx.crewById.get(group[0]!.crewId);
  if (!crew) throw new Error(`task ${group[0]!.id} names crew ${group[0]!.crewId}, which is not in the registry`);
  const sorted = [...group].sort((a, b) => a.sequence - b.sequence);
  const now = deps.clock.now();
  const at = now.toISOString();
  const draft: TaskingCase = {
    id: taskingId(activation.id, crew.id, activation.wave, sorted[0]!.code), activationId: activation.id, crewId: crew.id, wave: activation.wave, level: activation.level,
    taskIds: sorted.map((t) => t.id), taskCodes: sorted.map((t) => t.code), step: 'leader', attempts: 1,
    dueAt: new Date(now.getTime() + plan.escalation[activation.level].resendAfterMinutes * 60_000).toISOString(),
    recipients: [{ role: 'leader', outcome: 'pending', at }], openedAt: at, updatedAt: at, version: 1,
  };
  const c = existing ?? ((await deps.taskingCases.createTaskingCase(draft)) === 'created' ? draft : (await deps.taskingCases.getTaskingCase(activation.id, draft.id))!);
  const d = await sendTaskingAttempt(deps, { c, attempt: 1, role: 'leader', variant: { kind: 'first' }, plan, crew, tasks: sorted, actor: 'dispatcher' });
  const dispatchedAt = deps.clock.now().toISOString();
  // The crew's tasks in one write (they were read planned); one that moved meanwhile (a cancellation) is left as it is.
  await deps.tasks.transitionTasks(sorted, 'dispatched', dispatchedAt);
  if (!d.outcome) counts.skipped++;
  else if (d.message.state === 'sent') counts.sent++;
  else if (d.message.state === 'in-doubt') counts.inDoubt++;
  else counts.failed++;
  // Straight to the next person: the leader is marked unreachable and the case advanced now.
  if (await passOnIfUnreachable(deps, c, d, { activation, plan, crew }, 'dispatcher')) counts.unreachable++;
}
