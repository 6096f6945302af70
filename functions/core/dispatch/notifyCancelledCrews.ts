import { renderSms } from '../messages/catalogue/renderSms.ts';
import { SMS_TEMPLATES } from '../messages/templates.ts';
import type { TaskingCase } from '../escalation/TaskingCase.ts';
import type { Activation } from '../operations/Activation.ts';
import type { SmsMessage } from '../operations/SmsMessage.ts';
import type { Task } from '../operations/Task.ts';
import type { Crew } from '../registry/Crew.ts';
import { deliver } from './deliver.ts';
import type { MessagingDeps } from './MessagingDeps.ts';
import { resolveMessaging } from './resolveMessaging.ts';
import { runPool } from './runPool.ts';

/** The prefix of every cancellation notice's id in an activation (how a later run finds who was told). */
export function cancellationNoticePrefix(activationId: string): string {
  return `${activationId}#cancelled#`;
}

/** The prefix of one crew's cancellation notices in an activation (a reader of only that crew's). */
export function crewCancellationNoticePrefix(activationId: string, crewId: string): string {
  return `${cancellationNoticePrefix(activationId)}${crewId}#`;
}

/**
 * What a caller has already read of the activation: its tasks (the dispatcher's wave has them all), or, for
 * a few crews only (the escalator's sweep), those crews' tasks, tasking cases and cancellation notices.
 */
export type CancellationReads = { tasks: readonly Task[] } | { tasks: readonly Task[]; cases: readonly TaskingCase[]; notices: readonly SmsMessage[] };

/** The id of one notice: crew, recipient and the codes it names, so a retry that finds the same tasks untold claims the same id. */
function noticeId(activationId: string, crewId: string, role: 'leader' | 'backup', tasks: readonly Task[]): string {
  return `${cancellationNoticePrefix(activationId)}${crewId}#${role}#${tasks.map((t) => t.code).join('+')}`;
}

export interface CancellationNotices {
  /** Crews told (or being told) that tasks they had been sent were cancelled. */
  crews: number;
  sms: number;
}

/**
 * Tells each crew whose tasks were cancelled after it had been tasked with them (a stand-down, or a
 * downgrade taking the roads out of scope) that it need not go: one SMS per crew to the leader, and to
 * the backup too when the tasking had been handed to them. Tasks never sent (still planned when
 * cancelled) are not mentioned. Each notice is sent exactly once; a later run tells only who is left.
 */
export async function notifyCancelledCrews(
  deps: MessagingDeps, activation: Activation, crews: readonly Crew[], actor: string, read?: CancellationReads,
): Promise<CancellationNotices> {
  // A caller that has just read the activation's tasks passes them: a city's activation holds thousands.
  const tasks = read?.tasks ?? await deps.tasks.listTasks(activation.id);
  const cancelled = tasks.filter((t) => t.state === 'cancelled');
  if (cancelled.length === 0) return { crews: 0, sms: 0 };
  const [cases, messages] = read && 'cases' in read
    ? [read.cases, read.notices]
    : await Promise.all([deps.taskingCases.listTaskingCases(activation.id), deps.smsRecords.listMessages(activation.id)]);
  // Tasked: a tasking of this very crew carried the task (a task moved away was told so by the reassignment).
  const tasked = new Set<string>();
  const backupAsked = new Set<string>();
  for (const c of cases) {
    for (const id of c.taskIds) tasked.add(`${c.crewId}/${id}`);
    if (c.recipients.some((r) => r.role === 'backup')) for (const id of c.taskIds) backupAsked.add(`${c.crewId}/${id}`);
  }
  const prefix = cancellationNoticePrefix(activation.id);
  // Told per person: a run that died between the leader's notice and the backup's leaves the backup to tell.
  // A notice still "queued" was claimed by a run that died before sending: it is taken up again (same id, sent once).
  const told = new Set(messages.filter((m) => m.id.startsWith(prefix) && m.state !== 'queued').flatMap((m) => m.taskIds.map((id) => `${m.crewId}/${m.recipient}/${id}`)));
  const byCrew = new Map<string, Task[]>();
  for (const t of cancelled) if (tasked.has(`${t.crewId}/${t.id}`)) byCrew.set(t.crewId, [...(byCrew.get(t.crewId) ?? []), t]);
  const crewById = new Map(crews.map((c) => [c.id, c]));
  const result: CancellationNotices = { crews: 0, sms: 0 };
  await runPool([...byCrew.entries()], resolveMessaging(deps).m.concurrency, async ([crewId, crewTasks]) => {
    const crew = crewById.get(crewId);
    if (!crew) return; // Removed from the registry since: nobody left to text.
    const sorted = [...crewTasks].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
    const people: { role: 'leader' | 'backup'; person: Crew['leader']; tasks: Task[] }[] = [
      { role: 'leader', person: crew.leader, tasks: sorted },
      { role: 'backup', person: crew.backup, tasks: sorted.filter((t) => backupAsked.has(`${crewId}/${t.id}`)) },
    ];
    let toldHere = false;
    for (const { role, person, tasks: theirs } of people) {
      const untold = theirs.filter((t) => !told.has(`${crewId}/${role}/${t.id}`));
      if (untold.length === 0) continue;
      toldHere = true;
      const words = SMS_TEMPLATES[person.language];
      const list = untold.map((t) => `${t.code} ${t.roadName}`).join(words.duty.listSeparator);
      const sms = renderSms('cancelled', person.language, { tasks: list }, deps.sms.signature);
      await deliver(deps, {
        id: noticeId(activation.id, crewId, role, untold), activationId: activation.id, crewId, to: person.phone, body: sms.body, template: sms.template,
        segments: sms.segments, encoding: sms.encoding, taskIds: untold.map((t) => t.id), taskCodes: untold.map((t) => t.code), recipient: role,
      }, actor);
      result.sms++;
    }
    if (toldHere) result.crews++;
  });
  return result;
}
