import type { Context } from 'aws-lambda';
import type { ApiResponse } from '../http/ApiResponse.ts';

/** What makes two requests "the same": the caller's key, and the request it was first used with. */
export interface IdempotentRequest {
  /** The caller's username and their Idempotency-Key. */
  key: string;
  /** Method, path and parsed body; a key reused with another request is refused (422). */
  request: unknown;
}

/**
 * Runs state-changing work at most once per key: a repeat gets the stored response. Throws
 * IdempotencyAlreadyInProgressError (409) while the first is still running and
 * IdempotencyValidationError (422) when the key comes back with a different request.
 */
export interface IdempotencyGuard {
  run(request: IdempotentRequest, context: Context | undefined, work: () => Promise<ApiResponse>): Promise<{ response: ApiResponse; replayed: boolean }>;
}
