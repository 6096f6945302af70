import { CheckIfPhoneNumberIsOptedOutCommand, ListPhoneNumbersOptedOutCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { OptOutChecker } from '../../core/ports/OptOutChecker.ts';

export interface SnsOptOutOptions {
  /** How long an answer is trusted: numbers rarely opt out mid-storm, and SNS limits these calls. */
  cacheTtlMs?: number;
  /** From this many numbers in one wave, the whole opt-out list is fetched once instead of one check per number. */
  bulkThreshold?: number;
  now?: () => number;
}

/** Asks SNS whether numbers opted out: CheckIfPhoneNumberIsOptedOut per number, or ListPhoneNumbersOptedOut for a big wave; cached. */
export class SnsOptOutChecker implements OptOutChecker {
  private readonly cache = new Map<string, { optedOut: boolean; at: number }>();
  private list: { numbers: Set<string>; at: number } | undefined;
  private readonly ttl: number;
  private readonly bulkThreshold: number;
  private readonly now: () => number;

  constructor(private readonly sns: SNSClient, options: SnsOptOutOptions = {}) {
    this.ttl = options.cacheTtlMs ?? 5 * 60_000;
    this.bulkThreshold = options.bulkThreshold ?? 20;
    this.now = options.now ?? Date.now;
  }

  async prefetch(phones: readonly string[]): Promise<void> {
    if (phones.length < this.bulkThreshold || this.fresh(this.list?.at)) return;
    const numbers = new Set<string>();
    let nextToken: string | undefined;
    do {
      const page = await this.sns.send(new ListPhoneNumbersOptedOutCommand({ ...(nextToken ? { nextToken } : {}) }));
      for (const n of page.phoneNumbers ?? []) numbers.add(n);
      nextToken = page.nextToken;
    } while (nextToken);
    this.list = { numbers, at: this.now() };
  }

  async isOptedOut(phone: string): Promise<boolean> {
    if (this.list && this.fresh(this.list.at)) return this.list.numbers.has(phone);
    const cached = this.cache.get(phone);
    if (cached && this.fresh(cached.at)) return cached.optedOut;
    const out = await this.sns.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: phone }));
    const optedOut = out.isOptedOut === true;
    this.cache.set(phone, { optedOut, at: this.now() });
    return optedOut;
  }

  private fresh(at: number | undefined): boolean {
    return at !== undefined && this.now() - at < this.ttl;
  }
}
