import type { Activation } from '../operations/Activation.ts';
import { deliver } from '../dispatch/deliver.ts';
import { passOnIfUnreachable } from '../escalation/passOnIfUnreachable.ts';
import { attemptKey, taskingId, type TaskingCase } from '../escalation/TaskingCase.ts';
import { renderSms } from '../messages/catalogue/renderSms.ts';
import { localTime } from '../messages/localTime.ts';
import { SMS_TEMPLATES } from '../messages/templates.ts';
import type { Task } from '../operations/Task.ts';
import type { MessagingDeps } from '../dispatch/MessagingDeps.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import type { Vehicle } from '../registry/Vehicle.ts';

export interface ReassignedTask {
  /** The task as it was, and as it is now (its state moves to dispatched once its SMS is out). */
  task: Task;
  moved: Task;
  crew: Crew;
  vehicle: Vehicle;
  /** The crew the task left, told only if the task had reached them. */
  oldCrew: Crew | undefined;
  activation: Activation;
  plan: CityPlan;
  startBy: string;
  at: string;
}

/**
 * Texts the new leader a tasking of their own (a tasking case, so an unanswered or failed one climbs the
 * ladder like any other) and the old leader that the task has gone, each exactly once.
 */
export async function tellReassignedLeaders(
  deps: MessagingDeps,
  move: ReassignedTask,
): Promise<('new-leader' | 'old-leader')[]> {
  const { task, moved, crew, vehicle, oldCrew, activation, plan, at } = move;
  const now = new Date(at);
  const notified: ('new-leader' | 'old-leader')[] = [];
  const pass = SMS_TEMPLATES[crew.leader.language].pass[task.pass];
  const toSms = renderSms('reassign.to', crew.leader.language, { task: `${task.code} ${task.roadName}${crew.leader.language === 'zh-CN' ? '' : ' '}${pass}`, vehicle: vehicle.label, startBy: localTime(move.startBy, plan.timeZone) }, deps.sms.signature);
  // The new leader's SMS opens a tasking of their own, so an unanswered or failed one climbs the ladder like any other.
  const steps = plan.escalation[activation.level];
  const c: TaskingCase = {
    id: `${taskingId(task.activationId, crew.id, task.wave, task.code)}#moved@${at}`, activationId: task.activationId, crewId: crew.id, wave: task.wave, level: activation.level,
    taskIds: [task.id], taskCodes: [task.code], step: 'leader', attempts: 1, dueAt: new Date(now.getTime() + steps.resendAfterMinutes * 60_000).toISOString(),
    recipients: [{ role: 'leader', outcome: 'pending', at }], openedAt: at, updatedAt: at, version: 1,
  };
  await deps.taskingCases.createTaskingCase(c);
  const d = await deliver(deps, {
    id: attemptKey(c.id, 1), activationId: task.activationId, crewId: crew.id, to: crew.leader.phone, body: toSms.body, template: toSms.template, segments: toSms.segments, encoding: toSms.encoding,
    taskIds: [task.id], taskCodes: [task.code], recipient: 'leader', caseId: c.id, attempt: 1,
  }, 'dispatcher');
  if (d.message.state === 'sent') notified.push('new-leader');
  if (await deps.tasks.transitionTask(moved, 'planned', 'dispatched', deps.clock.now().toISOString())) moved.state = 'dispatched';
  await passOnIfUnreachable(deps, c, d, { activation, plan, crew }, 'dispatcher');
  if (oldCrew && task.state !== 'planned') {
    const fromSms = renderSms('reassign.from', oldCrew.leader.language, { task: `${task.code} ${task.roadName}` }, deps.sms.signature);
    // Recorded like every SMS (exactly once); the id names the crew, since a task can move on again at the same moment.
    const told = await deliver(deps, {
      id: `${task.id}#reassign#${at}#from#${oldCrew.id}`, activationId: task.activationId, crewId: oldCrew.id, to: oldCrew.leader.phone, body: fromSms.body, template: fromSms.template,
      segments: fromSms.segments, encoding: fromSms.encoding, taskIds: [task.id], taskCodes: [task.code], recipient: 'leader',
    }, 'dispatcher');
    if (told.message.state === 'sent') notified.push('old-leader');
  }
  return notified;
}
