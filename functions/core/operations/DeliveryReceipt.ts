/** A provider's report of whether one SMS reached the phone. */
export interface DeliveryReceipt {
  to: string;
  delivered: boolean;
  providerMessageId: string;
  /** The attempt's idempotency key, when the provider carries it back (the message id). */
  key?: string;
  /** The provider's status code, e.g. DELIVERED, MK:0000, a carrier's refusal. */
  code?: string;
  reason?: string;
  at?: string;
}
