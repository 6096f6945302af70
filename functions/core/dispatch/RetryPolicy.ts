/** How often one attempt is tried again after throttling or a transient failure, and how long to wait. */
export interface RetryPolicy {
  /** Tries per attempt, the first included. */
  maxTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxTries: 6, baseDelayMs: 200, maxDelayMs: 5_000 };
