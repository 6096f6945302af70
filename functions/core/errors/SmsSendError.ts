/** A send failed; `permanent` means retrying cannot help (invalid number, opted out). */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}
