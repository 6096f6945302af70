import type { AttemptGuard } from '../ports/AttemptGuard.ts';
import type { Messaging } from '../ports/Messaging.ts';
import type { MessagingDeps } from './MessagingDeps.ts';
import { DEFAULT_RETRY_POLICY } from './RetryPolicy.ts';

/**
 * Without messaging configuration nothing paces the sends. Every composition that sends for real (the
 * Lambdas, the local runtime, bench:storm) passes its own Messaging with a limiter at the account's pace
 * on real time (adapters/system/SystemTimer.ts); core reads no clock but the Clock port, and tests and
 * tools that leave it out do not wait 50 ms per message part.
 */
const unpaced: Messaging['limiter'] = { acquire: async () => {}, refund: () => {} };

/** The message record already claimed the attempt (a conditional write), so the work simply runs. */
const claimHeldGuard: AttemptGuard = {
  async once(_key, work) {
    return { status: 'done', value: await work(), replayed: false };
  },
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Without a queue, deliver's "sms.dead-lettered" entry in the response log is where the letter is kept. */
const responseLogOnly: Messaging['deadLetters'] = { send: async () => {} };

const fallbacks = new WeakMap<object, Messaging>();

/** The messaging ports to use, and whether the message record itself is the exactly-once guard. */
export function resolveMessaging(deps: MessagingDeps): { m: Messaging; recordIsGuard: boolean } {
  if (deps.messaging) return { m: deps.messaging, recordIsGuard: false };
  let m = fallbacks.get(deps.smsRecords);
  if (!m) {
    m = {
      guard: claimHeldGuard,
      limiter: unpaced,
      deadLetters: responseLogOnly,
      retry: DEFAULT_RETRY_POLICY,
      sleep,
      random: Math.random,
      concurrency: 4,
    };
    fallbacks.set(deps.smsRecords, m);
  }
  return { m, recordIsGuard: true };
}
