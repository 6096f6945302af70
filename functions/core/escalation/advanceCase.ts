import type { Delivery } from '../dispatch/deliver.ts';
import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import { maskPhone } from '../registry/PhoneNumber.ts';
import type { CaseContext } from './CaseContext.ts';
import { notifyDutyOfficer } from './notifyDutyOfficer.ts';
import { sendTaskingAttempt } from './sendTaskingAttempt.ts';
import type { CaseRecipient, TaskingCase } from './TaskingCase.ts';

const UNANSWERED = new Set(['planned', 'dispatched']);

function permanentFailure(d: Delivery): string | undefined {
  return d.message.state === 'failed' && d.message.permanent ? (d.message.failure ?? 'failed') : undefined;
}

/**
 * Takes a tasking one step up the ladder when it is due and still unanswered: resend to the leader,
 * then hand it to the backup leader, then tell the duty officer. An unreachable person (opted out,
 * invalid number) is skipped at once. Every SMS has a deterministic key, so a sweep that dies halfway
 * and runs again sends nothing twice. Returns the saved case, or undefined when another run saved first.
 */
export async function advanceCase(deps: MessagingDeps, c: TaskingCase, ctx: CaseContext, actor = 'escalator'): Promise<TaskingCase | undefined> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const after = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const steps = ctx.plan.escalation[c.level];
  const next: TaskingCase = { ...c, recipients: c.recipients.map((r) => ({ ...r })), version: c.version + 1, updatedAt: at };
  const recipient = (role: CaseRecipient['role']) => next.recipients.find((r) => r.role === role);
  const settle = (outcome: CaseRecipient['outcome']) => { for (const r of next.recipients) if (r.outcome === 'pending') Object.assign(r, { outcome, at }); };
  const log = (action: string, details: Record<string, unknown>, reason?: string) =>
    deps.log.append({ activationId: c.activationId, at: deps.clock.now().toISOString(), actor, action, subject: `crew:${c.crewId}`, details: { caseId: c.id, tasks: c.taskCodes, ...details }, ...(reason ? { reason } : {}) });

  // A task reassigned to another crew is that crew's tasking now: this one no longer chases it.
  const open = ctx.tasks.filter((t) => c.taskIds.includes(t.id) && t.crewId === c.crewId && UNANSWERED.has(t.state));
  if (c.step === 'duty-officer' || c.step === 'closed') {
    next.dueAt = null; // Nothing further to do; out of the due index.
  } else if (!ctx.activation || ctx.activation.status !== 'open') {
    settle('not-confirmed');
    Object.assign(next, { step: 'closed', dueAt: null, outcome: 'closed' });
    await log('escalation.closed', { recipients: next.recipients }, 'the activation is no longer open');
  } else if (open.length === 0) {
    settle('confirmed');
    Object.assign(next, { step: 'closed', dueAt: null, outcome: 'confirmed' });
    await log('escalation.confirmed', { recipients: next.recipients });
  } else {
    const crew = ctx.crew;
    for (;;) {
      const leader = recipient('leader');
      if (next.step === 'leader' && crew && leader?.outcome !== 'unreachable') {
        next.attempts++;
        const d = await sendTaskingAttempt(deps, { c: next, attempt: next.attempts, role: 'leader', variant: { kind: 'resend' }, plan: ctx.plan, crew, tasks: open, actor });
        const failure = permanentFailure(d);
        if (failure && leader) { Object.assign(leader, { outcome: 'unreachable', at, reason: failure }); next.step = 'resent'; continue; }
        Object.assign(next, { step: 'resent', dueAt: after(steps.backupAfterMinutes) });
        await log('escalation.resent', { attempt: next.attempts, to: maskPhone(crew.leader.phone), messageState: d.message.state });
        break;
      }
      if ((next.step === 'leader' || next.step === 'resent') && crew) {
        if (leader?.outcome === 'pending') Object.assign(leader, { outcome: 'not-confirmed', at });
        next.attempts++;
        const d = await sendTaskingAttempt(deps, { c: next, attempt: next.attempts, role: 'backup', variant: { kind: 'backup', leaderName: crew.leader.name }, plan: ctx.plan, crew, tasks: open, actor });
        const failure = permanentFailure(d);
        next.recipients.push({ role: 'backup', outcome: failure ? 'unreachable' : 'pending', at, ...(failure ? { reason: failure } : {}) });
        next.step = 'backup';
        await log('escalation.backup', { attempt: next.attempts, to: maskPhone(crew.backup.phone), messageState: d.message.state }, failure);
        if (failure) continue;
        next.dueAt = after(steps.dutyOfficerAfterMinutes);
        break;
      }
      // The backup had their time (or nobody in the crew can be reached): the duty officer is told.
      const unreachable = next.recipients.length > 0 && next.recipients.every((r) => r.outcome === 'unreachable');
      settle('not-confirmed');
      const codes = open.map((t) => t.code);
      const crewName = crew?.name ?? c.crewId;
      const notice = unreachable || !crew
        ? { kind: 'unreachable' as const, crew: crewName, codes, reason: next.recipients.map((r) => r.reason).filter(Boolean).join('; ') || 'crew not in the registry' }
        : { kind: 'unconfirmed' as const, crew: crewName, codes };
      const d = await notifyDutyOfficer(deps, { plan: ctx.plan, activationId: c.activationId, key: `${c.id}#duty`, crewId: c.crewId, taskIds: open.map((t) => t.id), notice, actor });
      Object.assign(next, { step: 'duty-officer', dueAt: null, outcome: 'escalated' });
      await log('escalation.duty-officer', { recipients: next.recipients, notice: notice.kind, messageState: d.message.state });
      break;
    }
  }
  return (await deps.taskingCases.saveTaskingCase(next, c.version)) ? next : undefined;
}
