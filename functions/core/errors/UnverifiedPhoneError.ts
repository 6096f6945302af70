/** A citizen act that needs a verified phone came without a live pass. */
export class UnverifiedPhoneError extends Error {
  constructor() {
    super('verify your phone first: ask for a code (POST /citizen/verifications), confirm it, and send the pass you get as api_key');
    this.name = 'UnverifiedPhoneError';
  }
}
