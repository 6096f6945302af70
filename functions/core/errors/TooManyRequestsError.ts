/** A rate limit refused the act (too many codes, guesses or reports); `retryAfterSeconds` says when to try again. */
export class TooManyRequestsError extends Error {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}
