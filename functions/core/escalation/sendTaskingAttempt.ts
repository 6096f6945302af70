import { deliver, type Delivery } from '../dispatch/deliver.ts';
import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import type { TaskingVariant } from '../messages/renderTasking.ts';
import { renderTaskingMessages } from '../messages/renderTaskingMessages.ts';
import type { Task } from '../operations/Task.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import { DEFAULT_SMS_SEGMENT_CAP } from '../registry/limits.ts';
import { attemptKey, type TaskingCase } from './TaskingCase.ts';

/**
 * Sends SMS number `attempt` of a tasking to the crew's leader or backup, in their language, exactly once,
 * within the plan's segment cap: a tasking too long for it goes as several messages in order (part 1 keeps
 * the attempt's id, so a retry finds it), each logged with its part and whether names were shortened.
 * Answers the first part's delivery; later parts are not sent once one failed.
 */
export async function sendTaskingAttempt(
  deps: MessagingDeps,
  args: { c: TaskingCase; attempt: number; role: 'leader' | 'backup'; variant: TaskingVariant; plan: CityPlan; crew: Crew; tasks: readonly Task[]; actor: string },
): Promise<Delivery> {
  const person = args.role === 'leader' ? args.crew.leader : args.crew.backup;
  const rendered = renderTaskingMessages({
    language: person.language, level: args.c.level, tasks: args.tasks, timeZone: args.plan.timeZone, variant: args.variant, signature: deps.sms.signature,
    segmentCap: args.plan.smsSegmentCap ?? DEFAULT_SMS_SEGMENT_CAP,
  });
  const of = rendered.messages.length;
  let first: Delivery | undefined;
  for (const [i, sms] of rendered.messages.entries()) {
    const d = await deliver(deps, {
      id: attemptKey(args.c.id, args.attempt) + (i === 0 ? '' : `#p${i + 1}`), activationId: args.c.activationId, crewId: args.c.crewId, to: person.phone,
      body: sms.body, template: sms.template, segments: sms.segments, encoding: sms.encoding,
      taskIds: args.tasks.filter((t) => sms.taskCodes.includes(t.code)).map((t) => t.id), taskCodes: sms.taskCodes,
      recipient: args.role, caseId: args.c.id, attempt: args.attempt,
      ...(of > 1 ? { part: { index: i + 1, of } } : {}), ...(rendered.abbreviated ? { abbreviated: true } : {}),
    }, args.actor);
    first ??= d;
    if (d.message.state === 'failed') break;
  }
  return first!;
}
