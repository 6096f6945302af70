/** An API refusal (application/problem+json), told as a sentence a duty officer can act on. */
export class ProblemError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string, readonly errors: { field?: string; line?: number; column?: string; detail: string }[] = []) {
    super(detail || title);
  }

  get sentence(): string {
    const head = this.detail || this.title;
    const sentence = /[.!?。]$/.test(head) ? head : `${head}.`;
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
  }
}

/** The API could not be reached at all (network down, server stopped). */
export class UnreachableError extends Error {}
