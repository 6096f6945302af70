import { notifyDutyOfficer } from '../escalation/notifyDutyOfficer.ts';
import { passOnIfUnreachable } from '../escalation/passOnIfUnreachable.ts';
import { sendTaskingAttempt } from '../escalation/sendTaskingAttempt.ts';
import { taskingId, type TaskingCase } from '../escalation/TaskingCase.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import { groupByCrew } from './groupByCrew.ts';
import { notifyCancelledCrews } from './notifyCancelledCrews.ts';
import type { MessagingDeps } from './MessagingDeps.ts';
import { resolveMessaging } from './resolveMessaging.ts';
import { runPool } from './runPool.ts';

export interface DispatchSummary {
  sent: number;
  /** Taskings an earlier run had already sent (a retry or a duplicate event). */
  skipped: number;
  failed: number;
  /** Sent, or maybe sent, by a run that died before recording it: not sent again. */
  inDoubt: number;
  /** Failed for good (invalid number, opted out): handed to the backup leader at once. */
  unreachable: number;
  /** Crews told that tasks they had been sent were cancelled (stand-down, downgrade), at the same pace. */
  cancellationNotices: number;
}

/**
 * Sends one SMS per crew leader for the activation's current wave, grouping the crew's tasks. Each tasking
 * is opened as an escalation case before it is sent (so an unanswered or failed one is followed up, never
 * dropped), sent exactly once, and its tasks marked dispatched. A leader who cannot be reached is passed
 * over to the backup at once. Shortfalls given here are texted to the duty officer, once per wave.
 * Crews whose tasks were cancelled after they had been sent are then told so (notifyCancelledCrews).
 */
export async function dispatchWave(deps: MessagingDeps, activationId: string, options: { shortfalls?: readonly Shortfall[] } = {}): Promise<DispatchSummary> {
  const activation = await deps.activations.getActivation(activationId);
  if (!activation) throw new Error(`activation ${activationId} not found`);
  const { m } = resolveMessaging(deps);
  const [plan, crews, tasks, cases] = await Promise.all([deps.registry.getPlan(), deps.registry.listCrews(), deps.tasks.listTasks(activationId), deps.taskingCases.listTaskingCases(activationId)]);
  const crewById = new Map(crews.map((c) => [c.id, c]));
  const summary: DispatchSummary = { sent: 0, skipped: 0, failed: 0, inDoubt: 0, unreachable: 0, cancellationNotices: 0 };
  const waveTasks = tasks.filter((t) => t.wave === activation.wave && t.state === 'planned');

  // A retried run finds the cases it opened: their tasks stay together, whatever else became planned since.
  const caseOfTask = new Map<string, TaskingCase>();
  for (const c of cases) for (const id of c.taskIds) caseOfTask.set(id, c);
  const resumed = new Map<string, Task[]>();
  const fresh: Task[] = [];
  for (const t of waveTasks) {
    const c = caseOfTask.get(t.id);
    if (c) resumed.set(c.id, [...(resumed.get(c.id) ?? []), t]);
    else fresh.push(t);
  }
  const groups: Task[][] = [...resumed.values(), ...groupByCrew(fresh).values()];
  for (const g of groups) {
    if (!crewById.has(g[0]!.crewId)) throw new Error(`task ${g[0]!.id} names crew ${g[0]!.crewId}, which is not in the registry`);
  }
  await m.optOut?.prefetch?.(groups.map((g) => crewById.get(g[0]!.crewId)!.leader.phone));

  await runPool(groups, m.concurrency, async (group) => {
    const crew = crewById.get(group[0]!.crewId)!;
    const sorted = [...group].sort((a, b) => a.sequence - b.sequence);
    const now = deps.clock.now();
    const at = now.toISOString();
    const draft: TaskingCase = {
      id: taskingId(activationId, crew.id, activation.wave, sorted[0]!.code), activationId, crewId: crew.id, wave: activation.wave, level: activation.level,
      taskIds: sorted.map((t) => t.id), taskCodes: sorted.map((t) => t.code), step: 'leader', attempts: 1,
      dueAt: new Date(now.getTime() + plan.escalation[activation.level].resendAfterMinutes * 60_000).toISOString(),
      recipients: [{ role: 'leader', outcome: 'pending', at }], openedAt: at, updatedAt: at, version: 1,
    };
    const c = caseOfTask.get(sorted[0]!.id) ?? ((await deps.taskingCases.createTaskingCase(draft)) === 'created' ? draft : (await deps.taskingCases.getTaskingCase(activationId, draft.id))!);
    const d = await sendTaskingAttempt(deps, { c, attempt: 1, role: 'leader', variant: { kind: 'first' }, plan, crew, tasks: sorted, actor: 'dispatcher' });
    const dispatchedAt = deps.clock.now().toISOString();
    for (const t of sorted) await deps.tasks.transitionTask(t, 'planned', 'dispatched', dispatchedAt);
    if (!d.outcome) summary.skipped++;
    else if (d.message.state === 'sent') summary.sent++;
    else if (d.message.state === 'in-doubt') summary.inDoubt++;
    else summary.failed++;
    // Straight to the next person: the leader is marked unreachable and the case advanced now.
    if (await passOnIfUnreachable(deps, c, d, { activation, plan, crew }, 'dispatcher')) summary.unreachable++;
  });

  if (options.shortfalls && options.shortfalls.length > 0) {
    await notifyDutyOfficer(deps, {
      plan, activationId, key: `${activationId}#shortfall#w${activation.wave}`, crewId: '-', taskIds: [],
      notice: { kind: 'shortfall', level: activation.level, roads: [...new Set(options.shortfalls.map((s) => s.roadName))] }, actor: 'dispatcher',
    });
  }
  // Cancellations happen before the dispatch request that follows them, so the tasks read above show them.
  summary.cancellationNotices = (await notifyCancelledCrews(deps, activation, crews, 'dispatcher', { tasks })).crews;
  return summary;
}
