import type { SmsMessage } from '../operations/SmsMessage.ts';

/** Each SMS sent (one attempt): claimed before it is sent, so it is sent once, and how it ended. */
export interface SmsRecords {
  /** Records a message before it is sent; 'exists' means someone already claimed it. */
  claimMessage(message: SmsMessage): Promise<'claimed' | 'exists'>;
  /** Records how a claimed message ended; false when another run already recorded a known end. */
  completeMessage(message: SmsMessage): Promise<boolean>;
  getMessage(activationId: string, id: string): Promise<SmsMessage | undefined>;
  listMessages(activationId: string): Promise<SmsMessage[]>;
  /** The activation's messages whose id starts with `idPrefix`, in id order (e.g. one crew's cancellation notices), without reading the rest. */
  listMessagesStartingWith(activationId: string, idPrefix: string): Promise<SmsMessage[]>;
}
