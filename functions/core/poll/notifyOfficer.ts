import type { RenderedSms } from '../messages/catalogue/renderSms.ts';
import { maskPhone } from '../registry/PhoneNumber.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { SmsSender } from '../ports/SmsSender.ts';

/**
 * Sends one SMS to the duty officer and logs it (masked). A failed send is logged, never thrown: the
 * poll's decisions stand whether or not the text went out.
 */
export async function notifyOfficer(
  deps: Pick<CoreDeps, 'log' | 'clock'> & { sms: SmsSender },
  to: string,
  notice: { kind: string; sms: RenderedSms; idempotencyKey: string; activationId?: string },
): Promise<boolean> {
  const activationId = notice.activationId ?? 'system';
  const body = notice.sms.body;
  try {
    const { providerMessageId } = await deps.sms.send({ to, body, template: notice.sms.template, idempotencyKey: notice.idempotencyKey });
    await deps.log.append({ activationId, at: deps.clock.now().toISOString(), actor: 'poller', action: 'officer.notified', subject: `notice:${notice.kind}`, details: { to: maskPhone(to), providerMessageId, body, segments: notice.sms.segments } });
    return true;
  } catch (error) {
    await deps.log.append({ activationId, at: deps.clock.now().toISOString(), actor: 'poller', action: 'officer.sms-failed', subject: `notice:${notice.kind}`, details: { to: maskPhone(to) }, reason: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
