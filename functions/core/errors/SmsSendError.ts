/**
 * How a send failed, which decides what happens next:
 * - permanent: retrying cannot help (invalid number, opted out): escalate at once;
 * - throttled: the provider refused for rate; nothing was sent: back off, then retry;
 * - transient: nothing was sent (connection refused, 5xx): retry;
 * - in-doubt: the request may have been delivered (timeout after sending): never repeated for this attempt.
 */
export type SmsFailureKind = 'permanent' | 'throttled' | 'transient' | 'in-doubt';

/** A send failed; `permanent` means retrying cannot help (invalid number, opted out). */
export class SmsSendError extends Error {
  readonly kind: SmsFailureKind;

  constructor(
    message: string,
    readonly permanent: boolean,
    kind?: SmsFailureKind,
  ) {
    super(message);
    this.name = 'SmsSendError';
    this.kind = kind ?? (permanent ? 'permanent' : 'transient');
  }
}
