import type { ContactPreferences } from '../../core/ports/ContactPreferences.ts';
import type { OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoContactPreferences. */
export class MemoryContactPreferences implements ContactPreferences {
  constructor(private readonly memory: OperationsMemory) {}

  async recordOptOut(phone: string, at: string): Promise<void> {
    this.memory.optOuts.set(phone, at);
  }

  async isOptedOut(phone: string): Promise<boolean> {
    return this.memory.optOuts.has(phone);
  }

  async claimHelpReply(phone: string, at: string, windowMinutes: number, forMessage: string): Promise<boolean> {
    const m = this.memory;
    const cutoff = new Date(Date.parse(at) - windowMinutes * 60_000).toISOString();
    return m.writeIf(() => m.helpReplies.get(phone), (stored) => stored === undefined || stored.at < cutoff, (writeId) => {
      m.helpReplies.set(phone, { at, writeId: writeId! });
    }, `inbound:${forMessage}`) === 'written';
  }

  async claimReplyAnswer(phone: string, windowStart: string, limit: number, forMessage: string): Promise<boolean> {
    const key = `${phone}#${windowStart}`;
    const answered = this.memory.replyAnswers.get(key) ?? new Set<string>();
    if (!answered.has(forMessage) && answered.size >= limit) return false;
    this.memory.replyAnswers.set(key, answered.add(forMessage));
    return true;
  }
}
