import type { RetryPolicy } from './RetryPolicy.ts';

/**
 * "Full jitter" exponential backoff: a uniform wait in [0, min(cap, base * 2^(try-1))). Spreading the
 * retries of many throttled messages keeps them from hitting the provider again in lock step.
 */
export function backoffDelay(policy: RetryPolicy, failedTry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedTry - 1));
  return Math.floor(random() * ceiling);
}
