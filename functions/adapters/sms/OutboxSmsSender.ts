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

/** Local stand-in for SNS: appends each SMS to a JSONL file and tells a listener (the terminal). */
export class OutboxSmsSender implements SmsSender {
  readonly sent: OutboxRecord[] = [];
  readonly signature?: string;

  constructor(
    private readonly file: string,
    private readonly clock: Clock,
    private readonly onSend: (record: OutboxRecord) => void = () => {},
    signature?: string,
  ) {
    if (signature) this.signature = signature;
  }

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    const record: OutboxRecord = { at: this.clock.now().toISOString(), ...message, providerMessageId: `outbox-${this.sent.length + 1}` };
    await appendFile(this.file, `${JSON.stringify(record)}\n`, 'utf8');
    this.sent.push(record);
    this.onSend(record);
    return { providerMessageId: record.providerMessageId };
  }
}
