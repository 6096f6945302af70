/** Paces sends in message parts per second. */
export interface RateLimiter {
  /** Waits until `parts` may be sent. */
  acquire(parts: number): Promise<void>;
  /** Gives back parts that were not sent after all (the provider throttled the request). */
  refund(parts: number): void;
}
