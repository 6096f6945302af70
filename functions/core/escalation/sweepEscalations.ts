import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import { crewCancellationNoticePrefix, notifyCancelledCrews, type CancellationReads } from '../dispatch/notifyCancelledCrews.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import { advanceCase } from './advanceCase.ts';
import type { TaskingCase } from './TaskingCase.ts';

export interface SweepSummary {
  due: number;
  advanced: { caseId: string; step: string; outcome?: string }[];
  /** Cases another sweep advanced first. */
  lost: number;
}

/** Due cases read from the due index at once. */
const PAGE = 200;

/**
 * The escalator's scheduled sweep: every tasking due by now goes one step further, however many there are:
 * the due index is read a page at a time, each page after the last case of the one before, until a page
 * comes back short. Each page reads the tasks its cases name, never an activation's whole list.
 */
export async function sweepEscalations(deps: MessagingDeps, options: { pageSize?: number } = {}): Promise<SweepSummary> {
  const pageSize = options.pageSize ?? PAGE;
  const now = deps.clock.now().toISOString();
  const summary: SweepSummary = { due: 0, advanced: [], lost: 0 };
  const activations = new Map<string, Promise<Activation | undefined>>();
  /** Per activation, the crews whose tasking closed over cancelled tasks. */
  const cancelledOnClosed = new Map<string, Set<string>>();
  let registry: Promise<[CityPlan, Crew[]]> | undefined;
  let after: TaskingCase | undefined;
  for (;;) {
    const listed = await deps.taskingCases.listDueTaskingCases(now, pageSize, after);
    summary.due += listed.length;
    if (listed.length === 0) break;
    after = listed.at(-1);
    registry ??= Promise.all([deps.registry.getPlan(), deps.registry.listCrews()]);
    const [plan, crews] = await registry;
    const crewById = new Map(crews.map((c) => [c.id, c]));
    const tasks = await casesTasks(deps, listed);
    for (const item of listed) {
      // The index is eventually consistent: read the case itself before acting on it.
      const c = await deps.taskingCases.getTaskingCase(item.activationId, item.id);
      if (!c || c.dueAt === null || c.dueAt > deps.clock.now().toISOString()) continue;
      if (!activations.has(c.activationId)) activations.set(c.activationId, deps.activations.getActivation(c.activationId));
      // The case as read now may name tasks its listing did not (a reassignment): those are read too.
      const caseTasks = c.taskIds.every((id) => tasks.has(id)) ? c.taskIds.map((id) => tasks.get(id)!) : await deps.tasks.getTasks(c.activationId, c.taskIds);
      const saved = await advanceCase(deps, c, { activation: await activations.get(c.activationId), plan, crew: crewById.get(c.crewId), tasks: caseTasks });
      if (!saved) summary.lost++;
      else summary.advanced.push({ caseId: saved.id, step: saved.step, ...(saved.outcome ? { outcome: saved.outcome } : {}) });
      if (saved?.step === 'closed' && caseTasks.some((t) => t.state === 'cancelled' && t.crewId === c.crewId)) {
        cancelledOnClosed.set(c.activationId, (cancelledOnClosed.get(c.activationId) ?? new Set()).add(c.crewId));
      }
    }
    if (listed.length < pageSize) break;
  }
  // A tasking closed over cancelled tasks: make sure its crew was told (dispatch normally has; a race can beat it). Sent once.
  // Only after a stand-down or a downgrade; reads those crews' cases, tasks and notices, never the activation's whole lists.
  for (const [activationId, crewIds] of cancelledOnClosed) {
    const activation = await activations.get(activationId);
    if (activation) await notifyCancelledCrews(deps, activation, (await registry!)[1], 'escalator', await crewsCancellations(deps, activationId, [...crewIds]));
  }
  return summary;
}

/** What the cancellation notice needs of these crews only: their tasking cases, the tasks those name, the notices they were sent. */
async function crewsCancellations(deps: MessagingDeps, activationId: string, crewIds: readonly string[]): Promise<CancellationReads> {
  const [cases, notices] = await Promise.all([
    Promise.all(crewIds.map((crewId) => deps.taskingCases.listCrewTaskingCases(activationId, crewId))).then((x) => x.flat()),
    Promise.all(crewIds.map((crewId) => deps.smsRecords.listMessagesStartingWith(activationId, crewCancellationNoticePrefix(activationId, crewId)))).then((x) => x.flat()),
  ]);
  const tasks = await deps.tasks.getTasks(activationId, [...new Set(cases.flatMap((c) => c.taskIds))]);
  return { tasks, cases, notices };
}

/** The tasks of these cases, by id: per activation, one read of only the tasks they name. */
async function casesTasks(deps: MessagingDeps, cases: readonly TaskingCase[]): Promise<Map<string, Task>> {
  const byActivation = new Map<string, string[]>();
  for (const c of cases) byActivation.set(c.activationId, [...(byActivation.get(c.activationId) ?? []), ...c.taskIds]);
  const found = new Map<string, Task>();
  for (const [activationId, ids] of byActivation) for (const t of await deps.tasks.getTasks(activationId, ids)) found.set(t.id, t);
  return found;
}
