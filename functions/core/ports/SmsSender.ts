import type { TemplateRef } from '../messages/catalogue/CatalogueEntry.ts';

/** One SMS to send: its text as the phone shows it, and the catalogue template and values it was rendered from. */
export interface OutgoingSms {
  to: string;
  body: string;
  /** Absent only for text that is not the system's own wording (tests, tools); a template-only provider refuses it. */
  template?: TemplateRef;
  idempotencyKey: string;
}

/**
 * Sends one SMS through a provider (SNS in global regions, a mainland provider where SNS has no SMS).
 * Throws SmsSendError on failure (its `kind` says whether a retry may help).
 */
export interface SmsSender {
  /**
   * The registered signature this sender's messages start with (the text inside 【】), when the stage has one.
   * Messages are rendered with it, so that their segment counts include it.
   */
  readonly signature?: string;
  send(message: OutgoingSms): Promise<{ providerMessageId: string }>;
}
