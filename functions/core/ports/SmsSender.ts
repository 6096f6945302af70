/** Sends one SMS. Throws SmsSendError on failure (its `kind` says whether a retry may help). */
export interface SmsSender {
  send(message: { to: string; body: string; idempotencyKey: string }): Promise<{ providerMessageId: string }>;
}
