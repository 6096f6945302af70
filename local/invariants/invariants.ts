import { OPEN_TASK_STATES, type Task } from '../../functions/core/operations/Task.ts';
import { passesAt } from '../../functions/core/planner/roadGeometry.ts';
import { roadsInScope } from '../../functions/core/planner/roadsInScope.ts';
import { attemptKey } from '../../functions/core/escalation/TaskingCase.ts';
import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';
import { bookingProblems, type OperationsTable } from './bookingProblems.ts';
import type { SendLog } from './SendLog.ts';

/**
 * What the invariants read: the stores, and the operations table itself (lock items). Shared by
 * test/reliability and bench/storm, so the storm at city scale is judged by the same rules as the tests.
 */
export interface InvariantWorld extends OperationsTable {
  deps: Pick<CoreDeps, 'activations' | 'tasks' | 'taskingCases' | 'smsRecords' | 'registry' | 'log'>;
}

/** No crew or vehicle on two teams, locks that count exactly their team's open tasks, a road pass tasked once (bookingProblems.ts). */
export async function bookingInvariant(w: InvariantWorld, tasks: readonly Task[]): Promise<string[]> {
  return bookingProblems(w, tasks);
}

/** Every road pass in scope at the activation's levels is tasked (open, done or verified) or was reported short in its log. */
export async function scopeInvariant(w: InvariantWorld, activationId: string): Promise<string[]> {
  const [activation, plan, roads, tasks, log] = await Promise.all([
    w.deps.activations.getActivation(activationId), w.deps.registry.getPlan(), w.deps.registry.listRoads(), w.deps.tasks.listTasks(activationId), w.deps.log.list(activationId),
  ]);
  if (!activation) return [`activation ${activationId} not found`];
  const live = new Set(tasks.filter((t) => OPEN_TASK_STATES.includes(t.state) || t.state === 'done' || t.state === 'verified').map((t) => `${t.roadId}#${t.pass}`));
  const short = new Set(log.filter((e) => e.action === 'road.shortfall').map((e) => `${e.subject?.replace(/^road:/, '')}#${String(e.details.pass)}`));
  const problems: string[] = [];
  for (const road of roadsInScope(plan, roads, activation.zoneLevels)) {
    for (const pass of passesAt(road, activation.zoneLevels[road.zoneId] ?? 'none')) {
      if (!live.has(`${road.id}#${pass}`) && !short.has(`${road.id}#${pass}`)) problems.push(`road pass ${road.id} (${pass}) is in scope but neither tasked nor reported short`);
    }
  }
  return problems;
}

/**
 * Every tasking sent exactly once or escalated: no SMS key published twice; every dispatched task followed by
 * a tasking; every tasking either finished (confirmed, cannot, closed, escalated) or still on the ladder with a
 * due time (when `settled`, finished); a tasking whose first SMS failed for good has moved past its leader.
 */
export async function taskingInvariant(w: InvariantWorld, activationId: string, sends: SendLog, options: { settled?: boolean } = {}): Promise<string[]> {
  const [tasks, cases, messages] = await Promise.all([w.deps.tasks.listTasks(activationId), w.deps.taskingCases.listTaskingCases(activationId), w.deps.smsRecords.listMessages(activationId)]);
  const problems = sends.duplicates().map((key) => `SMS ${key} was published ${sends.count(key)} times`);
  const followed = new Set(cases.flatMap((c) => c.taskIds));
  for (const t of tasks) if (t.state === 'dispatched' && !followed.has(t.id)) problems.push(`task ${t.code} (crew ${t.crewId}, wave ${t.wave}) is dispatched but no tasking follows it`);
  const byId = new Map(messages.map((m) => [m.id, m]));
  for (const c of cases) {
    const first = byId.get(attemptKey(c.id, 1));
    if (!first) problems.push(`tasking ${c.id} has no first SMS recorded`);
    if (c.outcome === undefined && c.dueAt === null) problems.push(`tasking ${c.id} is neither finished nor due: dropped`);
    if (options.settled && c.outcome === undefined) problems.push(`tasking ${c.id} is still at ${c.step}`);
    if (first?.state === 'failed' && first.permanent && c.step === 'leader') problems.push(`tasking ${c.id}: its leader cannot be reached and it was not passed on`);
    if (first?.state === 'queued') problems.push(`tasking ${c.id}: its first SMS is still queued`);
  }
  return problems;
}
