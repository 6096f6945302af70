/** One field that failed validation: where it was (body, query, path, header), its path and what is wrong. */
export interface FieldProblem {
  in: 'body' | 'query' | 'path' | 'header';
  field: string;
  detail: string;
  /** For a problem inside an uploaded file: its line and column (header name). */
  line?: number;
  column?: string;
}

/** An RFC 9457 problem: thrown anywhere in the API and answered as application/problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    /** Short slug; the problem's type URI is urn:snowops:problem:<slug>. */
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: { errors?: FieldProblem[] } & Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}
