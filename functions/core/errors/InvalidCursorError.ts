/** A paging cursor that this store did not hand out (or that belongs to another activation). */
export class InvalidCursorError extends Error {
  constructor(message = 'the cursor is not one this API handed out; start again without a cursor') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}
