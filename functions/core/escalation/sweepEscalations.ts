import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import { notifyCancelledCrews } from '../dispatch/notifyCancelledCrews.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import { advanceCase } from './advanceCase.ts';
import type { TaskingCase } from './TaskingCase.ts';

export interface SweepSummary {
  due: number;
  advanced: { caseId: string; step: TaskingCase['step']; outcome?: TaskingCase['outcome'] }[];
  /** Cases another sweep saved first (its SMS were keyed, so nothing went twice). */
  lost: number;
}

/** The escalator's scheduled sweep: every tasking due by now (read from the due index) goes one step further. */
export async function sweepEscalations(deps: MessagingDeps, options: { limit?: number } = {}): Promise<SweepSummary> {
  const due = await deps.taskingCases.listDueTaskingCases(deps.clock.now().toISOString(), options.limit ?? 200);
  const summary: SweepSummary = { due: due.length, advanced: [], lost: 0 };
  if (due.length === 0) return summary;
  const [plan, crews] = await Promise.all([deps.registry.getPlan(), deps.registry.listCrews()]);
  const crewById = new Map(crews.map((c) => [c.id, c]));
  const activations = new Map<string, Promise<Activation | undefined>>();
  const tasks = new Map<string, Promise<Task[]>>();
  const cancelledOnClosed = new Set<string>();
  for (const listed of due) {
    // The index is eventually consistent: read the case itself before acting on it.
    const c = await deps.taskingCases.getTaskingCase(listed.activationId, listed.id);
    if (!c || c.dueAt === null || c.dueAt > deps.clock.now().toISOString()) continue;
    if (!activations.has(c.activationId)) activations.set(c.activationId, deps.activations.getActivation(c.activationId));
    if (!tasks.has(c.activationId)) tasks.set(c.activationId, deps.tasks.listTasks(c.activationId));
    const activationTasks = await tasks.get(c.activationId)!;
    const saved = await advanceCase(deps, c, { activation: await activations.get(c.activationId), plan, crew: crewById.get(c.crewId), tasks: activationTasks });
    if (!saved) summary.lost++;
    else summary.advanced.push({ caseId: saved.id, step: saved.step, ...(saved.outcome ? { outcome: saved.outcome } : {}) });
    if (saved?.step === 'closed' && activationTasks.some((t) => t.state === 'cancelled' && t.crewId === c.crewId && c.taskIds.includes(t.id))) cancelledOnClosed.add(c.activationId);
  }
  // A tasking closed over cancelled tasks: make sure its crew was told (dispatch normally has; a race can beat it). Sent once.
  for (const activationId of cancelledOnClosed) {
    const activation = await activations.get(activationId);
    if (activation) await notifyCancelledCrews(deps, activation, crews, 'escalator', { tasks: await tasks.get(activationId)! });
  }
  return summary;
}
