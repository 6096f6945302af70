import type { TemplateRef } from '../messages/catalogue/CatalogueEntry.ts';

/**
 * queued: recorded before the send; sent: with the provider's message id; failed: with the reason;
 * in-doubt: an earlier run may have sent it and died before recording; it is not sent again.
 */
export type SmsMessageState = 'queued' | 'sent' | 'failed' | 'in-doubt';

/** One SMS (one attempt). Its id is deterministic, so it is claimed once. */
export interface SmsMessage {
  id: string;
  activationId: string;
  crewId: string;
  /** E.164; stored for delivery, masked in the log. */
  to: string;
  body: string;
  /** The catalogue template and values the body was rendered from (absent on messages recorded before the catalogue). */
  template?: TemplateRef;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  taskIds: string[];
  /** The codes of those tasks (T07 …), as leaders and the response log name them. */
  taskCodes?: string[];
  state: SmsMessageState;
  providerMessageId?: string;
  failure?: string;
  /** Whether the failure is final (invalid number, opted out). */
  permanent?: boolean;
  updatedAt: string;
  /** Who it was for. */
  recipient?: 'leader' | 'backup' | 'duty-officer';
  /** The tasking it belongs to and which SMS of it this is. */
  caseId?: string;
  attempt?: number;
  /** Which message of a tasking split to keep within the plan's segment cap (absent: sent whole). */
  part?: { index: number; of: number };
  /** Names were shortened to keep a single task within the cap. */
  abbreviated?: boolean;
}
