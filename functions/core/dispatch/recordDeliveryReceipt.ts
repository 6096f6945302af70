import type { DeliveryReceipt } from '../operations/DeliveryReceipt.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import { maskPhone } from '../registry/PhoneNumber.ts';

/**
 * Logs a delivery receipt (masked): what reached the phone and what the carrier refused. An undelivered
 * tasking is not acted on here: it goes unanswered, and the escalation ladder moves it on.
 */
export async function recordDeliveryReceipt(deps: Pick<CoreDeps, 'log' | 'clock'>, receipt: DeliveryReceipt): Promise<void> {
  await deps.log.append({
    activationId: 'system', at: deps.clock.now().toISOString(), actor: 'sms-provider',
    action: receipt.delivered ? 'sms.delivered' : 'sms.undelivered',
    ...(receipt.key ? { subject: `message:${receipt.key}` } : {}),
    details: { to: maskPhone(receipt.to), providerMessageId: receipt.providerMessageId, code: receipt.code ?? null, reportedAt: receipt.at ?? null },
    ...(receipt.delivered ? {} : { reason: receipt.reason ?? receipt.code ?? 'not delivered' }),
  });
}
