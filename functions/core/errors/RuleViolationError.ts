/** A well-formed request the plan's rules refuse (e.g. a "downgrade" to a level that is not lower). */
export class RuleViolationError extends Error {
  constructor(
    message: string,
    /** The request field at fault, as a dotted path, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RuleViolationError';
  }
}
