import { deliver, type Delivery } from '../dispatch/deliver.ts';
import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import { renderTasking, type TaskingVariant } from '../messages/renderTasking.ts';
import type { Task } from '../operations/Task.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import { attemptKey, type TaskingCase } from './TaskingCase.ts';

/** Sends SMS number `attempt` of a tasking to the crew's leader or backup, in their language, exactly once. */
export function sendTaskingAttempt(
  deps: MessagingDeps,
  args: { c: TaskingCase; attempt: number; role: 'leader' | 'backup'; variant: TaskingVariant; plan: CityPlan; crew: Crew; tasks: readonly Task[]; actor: string },
): Promise<Delivery> {
  const person = args.role === 'leader' ? args.crew.leader : args.crew.backup;
  const sms = renderTasking({ language: person.language, level: args.c.level, tasks: args.tasks, timeZone: args.plan.timeZone, variant: args.variant, signature: deps.sms.signature });
  return deliver(deps, {
    id: attemptKey(args.c.id, args.attempt), activationId: args.c.activationId, crewId: args.c.crewId, to: person.phone,
    body: sms.body, template: sms.template, segments: sms.segments, encoding: sms.encoding, taskIds: args.tasks.map((t) => t.id), taskCodes: args.tasks.map((t) => t.code),
    recipient: args.role, caseId: args.c.id, attempt: args.attempt,
  }, args.actor);
}
