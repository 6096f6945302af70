import { smsSegments } from '../../core/messages/smsSegments.ts';
import type { OutgoingSms, SmsSender } from '../../core/ports/SmsSender.ts';
import { maskPhone } from '../../core/registry/PhoneNumber.ts';
import { METRIC } from '../../config/metrics.ts';
import { decorate } from './decorate.ts';
import type { Telemetry } from './Telemetry.ts';

/** Counts every SMS sent or failed and its segments (what the bill is made of), and logs it with the number masked. */
export function observeSmsSender<S extends SmsSender>(inner: S, telemetry: Telemetry): S {
  return decorate(inner, {
    async send(message: OutgoingSms) {
      const { segments, encoding } = smsSegments(message.body);
      const context = { to: maskPhone(message.to), segments, encoding, idempotencyKey: message.idempotencyKey };
      try {
        const result = await inner.send(message);
        telemetry.count(METRIC.smsSent);
        telemetry.count(METRIC.smsSegments, segments);
        telemetry.logger.info('sms sent', { ...context, providerMessageId: result.providerMessageId });
        return result;
      } catch (error) {
        telemetry.count(METRIC.smsFailed);
        telemetry.logger.warn('sms failed', { ...context, error });
        throw error;
      }
    },
  } as Partial<S>);
}
