import { SmsSendError } from '../errors/SmsSendError.ts';
import { maskPhone } from '../registry/PhoneNumber.ts';
import { renderTasking } from '../messages/renderTasking.ts';
import type { SmsMessage } from '../operations/SmsMessage.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import { groupByCrew } from './groupByCrew.ts';
import { messageId } from './messageId.ts';

export interface DispatchSummary {
  sent: number;
  skipped: number;
  failed: number;
}

/**
 * Sends one SMS per crew leader for the activation's current wave. Each message is claimed in the
 * store before it is sent, so a retry or a duplicate event never sends it twice.
 */
export async function dispatchWave(deps: CoreDeps & { sms: SmsSender }, activationId: string): Promise<DispatchSummary> {
  const activation = await deps.ops.getActivation(activationId);
  if (!activation) throw new Error(`activation ${activationId} not found`);
  const [plan, crews, tasks] = await Promise.all([deps.registry.getPlan(), deps.registry.listCrews(), deps.ops.listTasks(activationId)]);
  const crewById = new Map(crews.map((c) => [c.id, c]));
  const summary: DispatchSummary = { sent: 0, skipped: 0, failed: 0 };
  const waveTasks = tasks.filter((t) => t.wave === activation.wave && t.state === 'planned');
  for (const [crewId, crewTasks] of groupByCrew(waveTasks)) {
    const crew = crewById.get(crewId);
    if (!crew) throw new Error(`task ${crewTasks[0]!.id} names crew ${crewId}, which is not in the registry`);
    const sms = renderTasking({ language: crew.leader.language, level: activation.level, tasks: crewTasks, timeZone: plan.timeZone });
    const message: SmsMessage = {
      id: messageId(activationId, crewId, activation.wave), activationId, crewId, to: crew.leader.phone, body: sms.body,
      segments: sms.segments, encoding: sms.encoding, taskIds: crewTasks.map((t) => t.id), state: 'sending', updatedAt: deps.clock.now().toISOString(),
    };
    if ((await deps.ops.claimMessage(message)) === 'exists') {
      summary.skipped++;
      continue;
    }
    const masked = maskPhone(message.to);
    try {
      const { providerMessageId } = await deps.sms.send({ to: message.to, body: message.body, idempotencyKey: message.id });
      const at = deps.clock.now().toISOString();
      await deps.ops.completeMessage({ ...message, state: 'sent', providerMessageId, updatedAt: at });
      for (const t of crewTasks) await deps.ops.transitionTask(t, 'planned', 'dispatched', at);
      await deps.log.append({ activationId, at, actor: 'dispatcher', action: 'sms.sent', subject: `message:${message.id}`, details: { to: masked, crewId, tasks: crewTasks.map((t) => t.code), segments: sms.segments, encoding: sms.encoding, providerMessageId } });
      summary.sent++;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const at = deps.clock.now().toISOString();
      await deps.ops.completeMessage({ ...message, state: 'failed', failure: reason, updatedAt: at });
      await deps.log.append({ activationId, at, actor: 'dispatcher', action: 'sms.failed', subject: `message:${message.id}`, details: { to: masked, crewId, permanent: error instanceof SmsSendError && error.permanent }, reason });
      summary.failed++;
    }
  }
  return summary;
}
