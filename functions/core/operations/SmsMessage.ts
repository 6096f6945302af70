export type SmsMessageState = 'sending' | 'sent' | 'failed';

/** One SMS to one leader for one dispatch wave. Its id is deterministic, so it is claimed once. */
export interface SmsMessage {
  id: string;
  activationId: string;
  crewId: string;
  /** E.164; stored for delivery, masked in the log. */
  to: string;
  body: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  taskIds: string[];
  state: SmsMessageState;
  providerMessageId?: string;
  failure?: string;
  updatedAt: string;
}
