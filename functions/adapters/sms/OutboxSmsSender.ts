import { appendFile } from 'node:fs/promises';
import type { Clock } from '../../core/ports/Clock.ts';
import type { TemplateRef } from '../../core/messages/catalogue/CatalogueEntry.ts';
import type { OutgoingSms, SmsSender } from '../../core/ports/SmsSender.ts';

export interface OutboxRecord {
  at: string;
  to: string;
  body: string;
  template?: TemplateRef;
  idempotencyKey: string;
  providerMessageId: string;
}

/**
 * Local stand-in for SNS: appends each SMS to a JSONL file and tells a listener (the terminal). With `provider`,
 * the local record of what a real adapter sent (to its local endpoint): each SMS goes there first, with its
 * signature, and only what it accepted is written.
 */
export class OutboxSmsSender implements SmsSender {
  readonly sent: OutboxRecord[] = [];
  readonly signature?: string;

  constructor(
    private readonly file: string,
    private readonly clock: Clock,
    private readonly onSend: (record: OutboxRecord) => void = () => {},
    signature?: string,
    private readonly provider?: SmsSender,
  ) {
    const own = provider?.signature ?? signature;
    if (own) this.signature = own;
  }

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    const providerMessageId = this.provider ? (await this.provider.send(message)).providerMessageId : `outbox-${this.sent.length + 1}`;
    const record: OutboxRecord = { at: this.clock.now().toISOString(), ...message, providerMessageId };
    await appendFile(this.file, `${JSON.stringify(record)}\n`, 'utf8');
    this.sent.push(record);
    this.onSend(record);
    return { providerMessageId: record.providerMessageId };
  }
}
