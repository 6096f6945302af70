import { reasonCodeOf, sayReason } from '../ui/reasons.ts';

/** An API refusal (application/problem+json), told as a sentence a duty officer can act on. */
export class ProblemError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string, readonly errors: { field?: string; line?: number; column?: string; detail: string }[] = [], readonly reasonCode?: unknown) {
    super(detail || title);
  }

  /** In the console's language when the API coded it (a refusal for want of a group), else the API's words. */
  get sentence(): string {
    // A refusal names no time: the zone does not matter.
    const head = sayReason(reasonCodeOf(this.reasonCode), this.detail || this.title, 'UTC');
    const sentence = /[.!?。]$/.test(head) ? head : `${head}.`;
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
  }
}

/** The API could not be reached at all (network down, server stopped). */
export class UnreachableError extends Error {}
