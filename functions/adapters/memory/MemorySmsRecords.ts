import type { SmsMessage } from '../../core/operations/SmsMessage.ts';
import type { SmsRecords } from '../../core/ports/SmsRecords.ts';
import { byId, copy, record, type OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoSmsRecords. */
export class MemorySmsRecords implements SmsRecords {
  constructor(private readonly memory: OperationsMemory) {}

  async claimMessage(message: SmsMessage): Promise<'claimed' | 'exists'> {
    const key = `${message.activationId}#${message.id}`;
    if (this.memory.messages.has(key)) return 'exists';
    this.memory.messages.set(key, copy(message));
    return 'claimed';
  }

  async completeMessage(message: SmsMessage): Promise<boolean> {
    const m = this.memory;
    const key = `${message.activationId}#${message.id}`;
    // A known end (sent, failed) may replace "in-doubt" written by a concurrent retry; "in-doubt" replaces only "queued".
    const replaces = message.state === 'in-doubt' ? ['queued'] : ['queued', 'in-doubt'];
    return m.writeIf(() => m.messages.get(key), (stored) => stored !== undefined && replaces.includes(stored.state), (writeId) => {
      m.messages.set(key, { ...copy(message), ...(writeId ? { writeId } : {}) });
    }, crypto.randomUUID()) === 'written';
  }

  async getMessage(activationId: string, id: string): Promise<SmsMessage | undefined> {
    const found = this.memory.messages.get(`${activationId}#${id}`);
    return found ? record(found) : undefined;
  }

  async listMessages(activationId: string): Promise<SmsMessage[]> {
    return this.listMessagesStartingWith(activationId, '');
  }

  async listMessagesStartingWith(activationId: string, idPrefix: string): Promise<SmsMessage[]> {
    return byId([...this.memory.messages.values()].filter((m) => m.activationId === activationId && m.id.startsWith(idPrefix))).map((m) => record(m));
  }
}
