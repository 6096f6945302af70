import type { SmsMessage } from '../operations/SmsMessage.ts';
import { maskPhone } from '../registry/PhoneNumber.ts';
import type { MessagingDeps } from './MessagingDeps.ts';
import { resolveMessaging } from './resolveMessaging.ts';
import type { SendOutcome } from './SendOutcome.ts';
import { sendOnce } from './sendOnce.ts';

export type DeliveryRequest = Omit<SmsMessage, 'state' | 'updatedAt' | 'providerMessageId' | 'failure' | 'permanent'>;

export interface Delivery {
  message: SmsMessage;
  /** Undefined when an earlier run had already recorded how this message ended. */
  outcome?: SendOutcome;
}

function ended(queued: SmsMessage, outcome: SendOutcome, at: string): SmsMessage {
  switch (outcome.status) {
    case 'sent': return { ...queued, state: 'sent', providerMessageId: outcome.providerMessageId, updatedAt: at };
    case 'failed': return { ...queued, state: 'failed', failure: outcome.reason, permanent: outcome.permanent, updatedAt: at };
    case 'in-doubt': return { ...queued, state: 'in-doubt', failure: outcome.reason, updatedAt: at };
  }
}

/**
 * Sends one SMS exactly once and keeps its state: recorded "queued" before the send, then "sent" with
 * the provider's id, "failed" with the reason, or "in-doubt"; each end goes to the response log with
 * the segment count. A failure that exhausted its retries also goes to the dead-letter queue.
 */
export async function deliver(deps: MessagingDeps, request: DeliveryRequest, actor: string): Promise<Delivery> {
  const { m, recordIsGuard } = resolveMessaging(deps);
  const queued: SmsMessage = { ...request, state: 'queued', updatedAt: deps.clock.now().toISOString() };
  const send = async (): Promise<SendOutcome> => (await deps.contacts.isOptedOut(queued.to))
    ? { status: 'failed', permanent: true, reason: 'opted out of SMS (replied STOP)', tries: 0 }
    : sendOnce(deps.sms, m, { key: queued.id, to: queued.to, body: queued.body, ...(queued.template ? { template: queued.template } : {}), parts: queued.segments });
  let outcome: SendOutcome;
  if ((await deps.smsRecords.claimMessage(queued)) === 'exists') {
    const existing = await deps.smsRecords.getMessage(queued.activationId, queued.id);
    if (existing && existing.state !== 'queued') return { message: existing };
    outcome = recordIsGuard
      ? { status: 'in-doubt', reason: 'an earlier run recorded this message as queued and did not record its end: not sent again', tries: 0 }
      : await send();
  } else {
    outcome = await send();
  }
  const at = deps.clock.now().toISOString();
  const message = ended(queued, outcome, at);
  if (!(await deps.smsRecords.completeMessage(message))) {
    const recorded = await deps.smsRecords.getMessage(queued.activationId, queued.id);
    if (recorded) return { message: recorded, outcome };
  }
  const to = maskPhone(message.to);
  const details = {
    state: message.state, to, recipient: message.recipient ?? null, attempt: message.attempt ?? null, caseId: message.caseId ?? null, tasks: message.taskCodes ?? [],
    segments: message.segments, encoding: message.encoding, tries: outcome.tries,
    ...(message.part ? { part: `${message.part.index}/${message.part.of}` } : {}), ...(message.abbreviated ? { abbreviated: true } : {}),
  };
  const subject = `message:${message.id}`;
  if (outcome.status === 'sent') {
    await deps.log.append({ activationId: message.activationId, at, actor, action: 'sms.sent', subject, details: { ...details, providerMessageId: outcome.providerMessageId, replayed: outcome.replayed } });
  } else if (outcome.status === 'in-doubt') {
    await deps.log.append({ activationId: message.activationId, at, actor, action: 'sms.in-doubt', subject, details, reason: outcome.reason });
  } else {
    await deps.log.append({ activationId: message.activationId, at, actor, action: 'sms.failed', subject, details: { ...details, permanent: outcome.permanent }, reason: outcome.reason });
    if (!outcome.permanent) {
      await m.deadLetters.send({ kind: 'sms', key: message.id, activationId: message.activationId, to, reason: outcome.reason, tries: outcome.tries, at });
      await deps.log.append({ activationId: message.activationId, at, actor, action: 'sms.dead-lettered', subject, details: { to, tries: outcome.tries }, reason: outcome.reason });
    }
  }
  return { message, outcome };
}
