import type { OutgoingSms, SmsSender } from '../../functions/core/ports/SmsSender.ts';

/** What the real sender published, by exactly-once key (the idempotency key of each SMS attempt). */
export class SendLog {
  private readonly sent = new Map<string, number>();

  /** `onPublished` (optional) hears of every completed Publish, as it completes. */
  constructor(private readonly onPublished?: (message: OutgoingSms) => void) {}

  /** Wraps a sender so that every Publish it completes is counted under its key. */
  wrap = (inner: SmsSender): SmsSender => ({
    ...(inner.signature ? { signature: inner.signature } : {}),
    send: async (message) => {
      const result = await inner.send(message);
      this.sent.set(message.idempotencyKey, (this.sent.get(message.idempotencyKey) ?? 0) + 1);
      this.onPublished?.(message);
      return result;
    },
  });

  count(key: string): number {
    return this.sent.get(key) ?? 0;
  }

  keys(): string[] {
    return [...this.sent.keys()];
  }

  duplicates(): string[] {
    return [...this.sent].filter(([, n]) => n > 1).map(([k]) => k);
  }

  total(): number {
    return [...this.sent.values()].reduce((a, b) => a + b, 0);
  }
}
