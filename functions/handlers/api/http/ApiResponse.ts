/** What a route answers: a status, a body (JSON unless contentType says otherwise) and extra headers. */
export interface ApiResponse {
  status: number;
  body?: unknown;
  /** Defaults to application/json; text types carry a string body. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, body, headers };
}
