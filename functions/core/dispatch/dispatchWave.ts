import { cancelOpenTasks } from '../activation/cancelOpenTasks.ts';
import { notifyDutyOfficer } from '../escalation/notifyDutyOfficer.ts';
import type { TaskingCase } from '../escalation/TaskingCase.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import { dispatchGroup, noDispatchCounts, type DispatchCounts } from './dispatchGroup.ts';
import { groupByCrew } from './groupByCrew.ts';
import { notifyCancelledCrews } from './notifyCancelledCrews.ts';
import type { MessagingDeps } from './MessagingDeps.ts';
import { resolveMessaging } from './resolveMessaging.ts';
import { runPool } from './runPool.ts';
import { reasonCode } from '../text/ReasonCode.ts';

export interface DispatchSummary extends DispatchCounts {
  /** Crews told that tasks they had been sent were cancelled (stand-down, downgrade), at the same pace. */
  cancellationNotices: number;
  /** Codes of the open tasks this dispatch cancelled, its activation having been stood down (absent otherwise). */
  cancelledTasks?: string[];
}

/**
 * Sends one SMS per crew leader for the activation's current wave, grouping the crew's tasks. Each tasking
 * is opened as an escalation case before it is sent (so an unanswered or failed one is followed up, never
 * dropped), sent exactly once, and its tasks marked dispatched. A leader who cannot be reached is passed
 * over to the backup at once. Shortfalls given here are texted to the duty officer, once per wave.
 * Crews whose tasks were cancelled after they had been sent are then told so (notifyCancelledCrews). A stood-down
 * activation's open tasks are cancelled first (the stand-down hands them here).
 */
export async function dispatchWave(deps: MessagingDeps, activationId: string, options: { shortfalls?: readonly Shortfall[] } = {}): Promise<DispatchSummary> {
  const activation = await deps.activations.getActivation(activationId);
  if (!activation) throw new Error(`activation ${activationId} not found`);
  const { m } = resolveMessaging(deps);
  // A stood-down activation's open tasks are cancelled here, after its close (nothing can be booked on it since):
  // the stand-down's answer does not wait for them, and a retry cancels what is left.
  const cancelled = activation.status === 'open' ? undefined : await cancelOpenTasks(deps, activationId, () => true, { actor: activation.closedBy ?? 'dispatcher', reason: `stand-down: ${activation.closeReason ?? 'closed'}`, reasonCode: reasonCode('stand-down', { reason: activation.closeReason ?? 'closed' }) });
  const [plan, crews, tasks, cases] = await Promise.all([deps.registry.getPlan(), deps.registry.listCrews(), deps.tasks.listTasks(activationId), deps.taskingCases.listTaskingCases(activationId)]);
  const crewById = new Map(crews.map((c) => [c.id, c]));
  const summary: DispatchSummary = { ...noDispatchCounts(), cancellationNotices: 0, ...(cancelled ? { cancelledTasks: cancelled.map((t) => t.code) } : {}) };
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

  const ctx = { activation, plan, crewById };
  await runPool(groups, m.concurrency, (group) => dispatchGroup(deps, ctx, group, caseOfTask.get(group[0]!.id), summary));

  if (options.shortfalls && options.shortfalls.length > 0) {
    await notifyDutyOfficer(deps, {
      plan, activationId, key: `${activationId}#shortfall#w${activation.wave}`, crewId: '-', taskIds: [],
      notice: { kind: 'shortfall', level: activation.level, roads: [...new Set(options.shortfalls.map((s) => s.roadName))] }, actor: 'dispatcher',
    });
  }
  // Cancellations happen before the dispatch request that follows them, so the tasks read above show them.
  summary.cancellationNotices = (await notifyCancelledCrews(deps, activation, crews, 'dispatcher', { tasks })).crews;
  // Every task booked before the activation was read above was in the tasks read after it, and has gone out.
  if (activation.bookingRuns !== undefined) await deps.activations.markBookingsDispatched(activation.id, activation.bookingRuns);
  return summary;
}
