import type { RateLimiter } from '../ports/RateLimiter.ts';

export interface TokenBucketOptions {
  /** Message parts per second the account (number type) allows. */
  partsPerSecond: number;
  /** Parts that may go at once; defaults to a tenth of a second's worth (at least 1), so the pace stays even. */
  burst?: number;
  /** Monotonic milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * A token bucket counted in message parts: a 3-part SMS costs 3. Waiters are served in arrival order.
 * A part larger than the bucket is allowed by going into debt, which the next waiters pay for.
 */
export class TokenBucket implements RateLimiter {
  private tokens: number;
  private last: number;
  private readonly capacity: number;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.partsPerSecond > 0)) throw new Error(`TokenBucket: partsPerSecond must be positive, got ${options.partsPerSecond}`);
    this.capacity = options.burst ?? Math.max(1, options.partsPerSecond / 10);
    this.tokens = this.capacity;
    this.last = options.now();
  }

  acquire(parts: number): Promise<void> {
    const turn = this.tail.then(() => this.take(parts));
    this.tail = turn.catch(() => {});
    return turn;
  }

  refund(parts: number): void {
    this.refill();
    this.tokens = Math.min(this.capacity, this.tokens + parts);
  }

  private async take(parts: number): Promise<void> {
    this.refill();
    const need = Math.min(parts, this.capacity);
    if (this.tokens < need) {
      await this.options.sleep(Math.ceil(((need - this.tokens) / this.options.partsPerSecond) * 1000));
      this.refill();
    }
    this.tokens -= parts;
  }

  private refill(): void {
    const now = this.options.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.options.partsPerSecond);
    this.last = now;
  }
}
