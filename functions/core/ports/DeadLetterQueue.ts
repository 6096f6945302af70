/** A message that could not be delivered after every retry: kept for a person, never dropped. */
export interface DeadLetter {
  kind: 'sms';
  key: string;
  activationId: string;
  /** Masked phone only. */
  to: string;
  reason: string;
  tries: number;
  at: string;
}

/** Where dispatch failures that exhausted their retries go (SQS in AWS, a file locally). */
export interface DeadLetterQueue {
  send(letter: DeadLetter): Promise<void>;
}
