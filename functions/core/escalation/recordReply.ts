import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import type { Task } from '../operations/Task.ts';
import type { ReplyAction } from '../replies/ReplyIntent.ts';
import type { TaskingCase } from './TaskingCase.ts';

const UNANSWERED = new Set(['planned', 'dispatched']);
const SAVE_TRIES = 4;

/**
 * A leader or backup answered for some of a crew's tasks: they are Confirmed on each tasking those tasks
 * belong to, and a tasking with no unanswered task left leaves the escalation ladder (outcome "cannot" when a
 * task of it was refused).
 * Returns the taskings closed by this reply.
 */
export async function recordReply(
  deps: MessagingDeps,
  args: { activationId: string; role: 'leader' | 'backup'; action: ReplyAction; changed: readonly Task[] },
): Promise<TaskingCase[]> {
  if (args.changed.length === 0) return [];
  const changedIds = new Set(args.changed.map((t) => t.id));
  const closed: TaskingCase[] = [];
  for (let attempt = 0; attempt < SAVE_TRIES; attempt++) {
    // Only the replying crew's taskings (a task reassigned from another crew stays in that crew's old tasking too),
    // and only their tasks: a reply's reads do not grow with the rest of the activation.
    const cases = await deps.taskingCases.listCrewTaskingCases(args.activationId, args.changed[0]!.crewId);
    const touched = cases.filter((c) => c.outcome === undefined && c.crewId === args.changed[0]!.crewId && c.taskIds.some((id) => changedIds.has(id)));
    const tasks = await deps.tasks.getTasks(args.activationId, touched.flatMap((c) => c.taskIds));
    const state = new Map(tasks.map((t) => [t.id, t.state]));
    const crewOf = new Map(tasks.map((t) => [t.id, t.crewId]));
    let conflicts = 0;
    for (const c of touched) {
      const at = deps.clock.now().toISOString();
      const next: TaskingCase = { ...c, recipients: c.recipients.map((r) => ({ ...r })), version: c.version + 1, updatedAt: at };
      const who = next.recipients.find((r) => r.role === args.role);
      if (who) Object.assign(who, { outcome: 'confirmed', at, response: args.action });
      else next.recipients.push({ role: args.role, outcome: 'confirmed', at, response: args.action });
      const unanswered = c.taskIds.filter((id) => crewOf.get(id) === c.crewId && UNANSWERED.has(state.get(id) ?? 'cancelled'));
      // A tasking leaves the ladder when none of its tasks is still unanswered ("9 T02" on a two-task tasking leaves T01 followed up).
      if (unanswered.length === 0) {
        for (const r of next.recipients) if (r.outcome === 'pending') Object.assign(r, { outcome: 'not-confirmed', at });
        const refused = c.taskIds.some((id) => state.get(id) === 'cannot');
        Object.assign(next, { step: 'closed', dueAt: null, outcome: refused ? 'cannot' : 'confirmed' });
      }
      if (!(await deps.taskingCases.saveTaskingCase(next, c.version))) { conflicts++; continue; }
      if (next.outcome) {
        closed.push(next);
        await deps.log.append({ activationId: c.activationId, at, actor: 'replies', action: next.outcome === 'cannot' ? 'escalation.cannot' : 'escalation.confirmed', subject: `crew:${c.crewId}`, details: { caseId: c.id, tasks: c.taskCodes, recipients: next.recipients } });
      }
    }
    if (conflicts === 0) return closed;
  }
  return closed;
}
