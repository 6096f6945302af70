import { followReplyTasks } from '../citizen/followReplyTasks.ts';
import { deliver } from '../dispatch/deliver.ts';
import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import { advanceCase } from '../escalation/advanceCase.ts';
import { notifyDutyOfficer } from '../escalation/notifyDutyOfficer.ts';
import { recordReply } from '../escalation/recordReply.ts';
import { requestReplacement } from '../escalation/requestReplacement.ts';
import { renderSms } from '../messages/catalogue/renderSms.ts';
import { OPEN_TASK_STATES, type Task } from '../operations/Task.ts';
import type { InboundNote } from '../ports/InboundClaims.ts';
import type { Crew } from '../registry/Crew.ts';
import { maskPhone } from '../registry/PhoneNumber.ts';
import { nextState, replyTarget } from './nextState.ts';
import { parseReply } from './parseReply.ts';
import type { ReplyAction } from './ReplyIntent.ts';

export interface InboundSms {
  inboundMessageId: string;
  from: string;
  body: string;
}

export type ReplyOutcome = 'duplicate' | 'unknown-sender' | 'applied' | 'not-applicable' | 'help' | 'stop' | 'unknown-reply';

/** An unknown reply gets the help text at most once an hour per phone; an explicit HELP once every few minutes. */
const UNKNOWN_HELP_WINDOW_MIN = 60;
const HELP_WINDOW_MIN = 3;
/**
 * Every answer to one phone, whatever the reply said, is rate-limited: a stuck phone or a prank sending
 * a thousand "1"s gets this many answers per window (the first always goes); the rest are applied and
 * logged (reply.answer-suppressed), not answered. SMS cost money and a month's limit goes in minutes.
 */
export const REPLY_ANSWERS_PER_WINDOW = 3;
export const REPLY_ANSWER_WINDOW_MIN = 10;

/** The start of the rate window `at` falls in (UTC, aligned to the window's length). */
function answerWindow(at: string): string {
  const ms = REPLY_ANSWER_WINDOW_MIN * 60_000;
  return new Date(Math.floor(Date.parse(at) / ms) * ms).toISOString();
}

/**
 * Applies a crew leader's (or backup's) SMS reply to their own crew's open tasks and answers briefly.
 * A task code selects one task; a bare digit applies to every open task of the latest wave, and the
 * answer says so. "9" closes the tasking and asks the planner for a replacement team; STOP records the
 * opt-out and passes the tasking on at once; HELP is answered; an unknown reply gets help once (rate
 * limited); an unknown sender gets nothing and is logged. Idempotent on the inbound message id: a duplicate
 * delivery is ignored, and the retry of a delivery whose handling failed finishes it.
 */
export async function handleReply(deps: MessagingDeps, inbound: InboundSms): Promise<ReplyOutcome> {
  const at = deps.clock.now().toISOString();
  let outcome: ReplyOutcome;
  try {
    const claim = await deps.inbound.claimInbound(inbound.inboundMessageId, at);
    if (claim.status === 'duplicate') return 'duplicate';
    // An earlier run that failed left its claim unfinished: this retry does the same work (each step is idempotent).
    outcome = await apply(deps, inbound, at, claim.status === 'unfinished' ? (claim.note ?? null) : undefined);
  } catch (error) {
    // Given up, so that the delivery's retry handles it (a run that dies without this is taken over later).
    await deps.inbound.releaseInbound(inbound.inboundMessageId).catch(() => {});
    throw error;
  }
  await deps.inbound.finishInbound(inbound.inboundMessageId);
  return outcome;
}

/** `resumed`: what an earlier, failed run of this same SMS had noted (null: it noted nothing). */
async function apply(deps: MessagingDeps, inbound: InboundSms, at: string, resumed: InboundNote | null | undefined): Promise<Exclude<ReplyOutcome, 'duplicate'>> {
  const actor = maskPhone(inbound.from);
  const found = await deps.registry.findCrewByPhone(inbound.from);
  if (!found) {
    await deps.log.append({ activationId: 'system', at, actor, action: 'reply.unknown-sender', details: { inboundMessageId: inbound.inboundMessageId, length: inbound.body.length }, reason: 'sender is not a leader or backup in the registry' });
    return 'unknown-sender';
  }
  const { crew, role } = found;
  const language = role === 'leader' ? crew.leader.language : crew.backup.language;
  const intent = parseReply(inbound.body);
  const open = await deps.tasks.listOpenTasksForCrew(crew.id);
  const activationId = resumed?.activationId ?? latest(open)?.activationId ?? 'system';
  const answer = async (templateName: string, params: Record<string, string | number> = {}) => {
    if (!(await deps.contacts.claimReplyAnswer(inbound.from, answerWindow(at), REPLY_ANSWERS_PER_WINDOW, inbound.inboundMessageId))) {
      await entry('reply.answer-suppressed', { template: templateName, limit: REPLY_ANSWERS_PER_WINDOW, windowMinutes: REPLY_ANSWER_WINDOW_MIN }, `${REPLY_ANSWERS_PER_WINDOW} answers went to this phone in the last ${REPLY_ANSWER_WINDOW_MIN}-minute window: the reply is applied, not answered`);
      return undefined;
    }
    const sms = renderSms(templateName, language, params, deps.sms.signature);
    return deliver(deps, { id: `reply#${inbound.inboundMessageId}`, activationId, crewId: crew.id, to: inbound.from, body: sms.body, template: sms.template, segments: sms.segments, encoding: sms.encoding, taskIds: [], recipient: role }, 'replies');
  };
  const entry = (action: string, details: Record<string, unknown>, reason?: string) =>
    deps.log.append({ activationId, at, actor, action, subject: `crew:${crew.id}`, details: { role, inboundMessageId: inbound.inboundMessageId, ...details }, ...(reason ? { reason } : {}) });

  if (intent.kind === 'help' || intent.kind === 'unknown') {
    const window = intent.kind === 'help' ? HELP_WINDOW_MIN : UNKNOWN_HELP_WINDOW_MIN;
    const helped = await deps.contacts.claimHelpReply(inbound.from, at, window, inbound.inboundMessageId);
    await entry(intent.kind === 'help' ? 'reply.help' : 'reply.unknown', { body: inbound.body.slice(0, 160), helpSent: helped });
    if (helped) await answer('help');
    return intent.kind === 'help' ? 'help' : 'unknown-reply';
  }
  if (intent.kind === 'stop') {
    await deps.contacts.recordOptOut(inbound.from, at);
    await entry('reply.stop', {}, 'opted out of SMS; the tasking goes to the next person and the duty officer must call');
    // No SMS back: the number has just opted out (the carrier or AWS confirms the opt-out itself).
    await passOnAfterStop(deps, crew, role, open, at);
    return 'stop';
  }

  const newest = latest(open);
  const targets = resumed
    ? await deps.tasks.getTasks(resumed.activationId, resumed.taskIds)
    : intent.taskCode
      ? open.filter((task) => task.code === intent.taskCode)
      : open.filter((task) => task.activationId === newest?.activationId && task.wave === newest.wave);
  if (intent.taskCode && targets.length === 0) {
    await entry(`reply.${intent.action}`, { tasks: [], requestedCode: intent.taskCode, body: inbound.body.slice(0, 160) }, 'not one of the sender\'s open tasks');
    await answer('reply.not-yours', { code: intent.taskCode });
    return 'not-applicable';
  }
  if (!resumed && targets.length > 0) await deps.inbound.noteInbound(inbound.inboundMessageId, { activationId, taskIds: targets.map((task) => task.id) });
  const changed = await moveTasks(deps, targets, intent.action, at, resumed !== undefined);
  const codes = changed.map((c) => c.code);
  await entry(`reply.${intent.action}`, { tasks: codes, requestedCode: intent.taskCode ?? null, body: inbound.body.slice(0, 160) });
  if (changed.length === 0) {
    await answer('reply.none');
    return 'not-applicable';
  }
  const several = !intent.taskCode && changed.length > 1;
  await answer(several ? `reply.${intent.action}.all` : `reply.${intent.action}`, { codes: codes.join(','), ...(several ? { n: changed.length } : {}) });

  const closed = await recordReply(deps, { activationId: changed[0]!.activationId, role, action: intent.action, changed });
  if (deps.citizenCases && (intent.action === 'done' || intent.action === 'cannot')) await followReplyTasks({ cases: deps.citizenCases, log: deps.log, clock: deps.clock, tasks: deps.tasks }, changed);
  if (intent.action === 'cannot') await replaceAfterCannot(deps, crew, changed, closed.map((c) => c.id));
  return 'applied';
}

/**
 * Moves the reply's tasks on, in their order, the crew's together in one write. Done and cannot close them, counted
 * off its locks at once. `resuming`: a retry finds the tasks the failed run had already moved, and counts them as
 * moved by this reply.
 */
async function moveTasks(deps: MessagingDeps, targets: readonly Task[], action: ReplyAction, at: string, resuming: boolean): Promise<Task[]> {
  const to = replyTarget(action);
  const already = resuming ? targets.filter((task) => task.state === to) : [];
  const movable = targets.filter((task) => !already.includes(task) && nextState(task.state, action) === to);
  const moved = OPEN_TASK_STATES.includes(to)
    ? await deps.tasks.transitionTasks(movable, to, at)
    : await deps.tasks.closeTasks(movable, to, at);
  const byId = new Map([...already, ...moved].map((task) => [task.id, task]));
  return targets.flatMap((task) => byId.get(task.id) ?? []);
}

/** The task of the most recent wave (the newest activation first). */
function latest(tasks: readonly Task[]): Task | undefined {
  return [...tasks].sort((a, b) => a.activationId.localeCompare(b.activationId) || a.wave - b.wave).at(-1);
}

/**
 * After STOP: the sender is unreachable on every tasking of theirs still waiting, and the ladder moves on now.
 * Reads the sender's crew's cases and the tasks they name only, never the activation's.
 */
async function passOnAfterStop(deps: MessagingDeps, crew: Crew, role: 'leader' | 'backup', open: readonly Task[], at: string): Promise<void> {
  const activationIds = [...new Set(open.map((t) => t.activationId))];
  if (activationIds.length === 0) return;
  const plan = await deps.registry.getPlan();
  for (const activationId of activationIds) {
    const [activation, crewCases] = await Promise.all([deps.activations.getActivation(activationId), deps.taskingCases.listCrewTaskingCases(activationId, crew.id)]);
    const cases = crewCases.filter((x) => x.crewId === crew.id && x.dueAt !== null);
    const tasks = cases.length > 0 ? await deps.tasks.getTasks(activationId, [...new Set(cases.flatMap((c) => c.taskIds))]) : [];
    for (const c of cases) {
      const mine = role === 'leader' ? c.step === 'leader' || c.step === 'resent' : c.step === 'backup';
      const recipients = c.recipients.map((r) => (r.role === role ? { ...r, outcome: 'unreachable' as const, at, reason: 'replied STOP' } : r));
      const marked = { ...c, recipients };
      if (mine) await advanceCase(deps, { ...marked, ...(role === 'leader' ? { step: 'resent' as const } : {}) }, { activation, plan, crew, tasks }, 'replies');
      else await deps.taskingCases.saveTaskingCase({ ...marked, version: c.version + 1, updatedAt: at }, c.version);
    }
  }
}

/** "9": the planner is asked for another team, and the duty officer is told what came of it. */
async function replaceAfterCannot(deps: MessagingDeps, crew: Crew, refused: readonly Task[], caseIds: readonly string[]): Promise<void> {
  const activation = await deps.activations.getActivation(refused[0]!.activationId);
  if (!activation || activation.status !== 'open') return;
  const replacements = await requestReplacement(deps, activation, crew.id, refused);
  const plan = await deps.registry.getPlan();
  const crews = new Map((await deps.registry.listCrews()).map((c) => [c.id, c.name]));
  await notifyDutyOfficer(deps, {
    plan, activationId: activation.id, key: `${caseIds[0] ?? refused[0]!.id}#cannot`, crewId: crew.id, taskIds: refused.map((t) => t.id),
    notice: { kind: 'cannot', crew: crew.name, codes: refused.map((t) => t.code), replacementCrews: [...new Set(replacements.map((t) => crews.get(t.crewId) ?? t.crewId))] },
    actor: 'replies',
  });
}
