import type { TemplateRef } from '../messages/catalogue/CatalogueEntry.ts';
import { SmsSendError } from '../errors/SmsSendError.ts';
import type { Messaging } from '../ports/Messaging.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import { E164 } from '../registry/PhoneNumber.ts';
import { backoffDelay } from './backoffDelay.ts';
import type { SendOutcome } from './SendOutcome.ts';

export interface OutboundSms {
  /** Exactly-once key of this attempt, e.g. "<tasking>#a2". */
  key: string;
  to: string;
  body: string;
  template?: TemplateRef;
  /** Message parts (segments) it costs. */
  parts: number;
}

type Published = { outcome: 'sent'; providerMessageId: string } | { outcome: 'permanent' | 'in-doubt'; reason: string };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends one attempt at most once: checks the number, paces by parts per second, and publishes inside
 * the attempt guard. Throttling and transient failures are retried with jittered backoff (the parts
 * are given back: nothing was sent); permanent failures and in-doubt sends are final for the attempt.
 */
export async function sendOnce(sms: SmsSender, m: Messaging, out: OutboundSms): Promise<SendOutcome> {
  if (!E164.test(out.to)) return { status: 'failed', permanent: true, reason: 'invalid number: not E.164', tries: 0 };
  if (m.optOut) {
    const optedOut = await m.optOut.isOptedOut(out.to).catch(() => false); // Unknown: Publish will refuse an opted-out number anyway.
    if (optedOut) return { status: 'failed', permanent: true, reason: 'opted out of SMS', tries: 0 };
  }
  let lastReason = 'not tried';
  for (let attempt = 1; attempt <= m.retry.maxTries; attempt++) {
    await m.limiter.acquire(out.parts);
    try {
      const result = await m.guard.once<Published>(out.key, async () => {
        try {
          const { providerMessageId } = await sms.send({ to: out.to, body: out.body, ...(out.template ? { template: out.template } : {}), idempotencyKey: out.key });
          return { outcome: 'sent', providerMessageId };
        } catch (error) {
          // Final answers are stored with the attempt, so a retry does not publish again; the rest is thrown to release it.
          if (error instanceof SmsSendError && (error.kind === 'permanent' || error.kind === 'in-doubt')) return { outcome: error.kind, reason: error.message };
          throw error;
        }
      });
      if (result.status === 'in-progress') {
        m.limiter.refund(out.parts);
        return { status: 'in-doubt', reason: 'an earlier run claimed this attempt and did not record its end: not sent again', tries: attempt };
      }
      if (result.replayed) m.limiter.refund(out.parts);
      const v = result.value;
      if (v.outcome === 'sent') return { status: 'sent', providerMessageId: v.providerMessageId, tries: attempt, replayed: result.replayed };
      if (v.outcome === 'permanent') return { status: 'failed', permanent: true, reason: v.reason, tries: attempt };
      return { status: 'in-doubt', reason: v.reason, tries: attempt };
    } catch (error) {
      // Throttled, transient, or the guard's store failed before publishing: nothing went out.
      m.limiter.refund(out.parts);
      lastReason = describe(error);
      if (attempt < m.retry.maxTries) await m.sleep(backoffDelay(m.retry, attempt, m.random));
    }
  }
  return { status: 'failed', permanent: false, reason: `gave up after ${m.retry.maxTries} tries: ${lastReason}`, tries: m.retry.maxTries };
}
