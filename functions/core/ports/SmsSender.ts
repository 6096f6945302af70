/** Sends one SMS. Throws SmsSendError on failure. */
export interface SmsSender {
  send(message: { to: string; body: string; idempotencyKey: string }): Promise<{ providerMessageId: string }>;
}
