import type { AttemptGuard } from './AttemptGuard.ts';
import type { DeadLetterQueue } from './DeadLetterQueue.ts';
import type { OptOutChecker } from './OptOutChecker.ts';
import type { RateLimiter } from './RateLimiter.ts';
import type { RetryPolicy } from '../dispatch/RetryPolicy.ts';

/** What sending SMS reliably needs besides the sender itself. */
export interface Messaging {
  guard: AttemptGuard;
  limiter: RateLimiter;
  deadLetters: DeadLetterQueue;
  retry: RetryPolicy;
  optOut?: OptOutChecker;
  /** Real waiting (backoff), independent of the domain clock, which may be simulated. */
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1): the jitter. */
  random(): number;
  /** Messages in flight at once; the limiter, not this, sets the pace. */
  concurrency: number;
}
