/** The request cannot be applied to the current state (e.g. standing down an activation twice). */
export class ConflictError extends Error {
  constructor(
    message: string,
    /** Facts the caller can act on, e.g. the id of the activation that is already open. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}
