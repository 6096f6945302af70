import { IdempotencyAlreadyInProgressError, IdempotencyValidationError } from '@aws-lambda-powertools/idempotency';
import { ConflictError } from '../../../core/errors/ConflictError.ts';
import { InvalidCursorError } from '../../../core/errors/InvalidCursorError.ts';
import { NotFoundError } from '../../../core/errors/NotFoundError.ts';
import { RuleViolationError } from '../../../core/errors/RuleViolationError.ts';
import { TooManyRequestsError } from '../../../core/errors/TooManyRequestsError.ts';
import { UnverifiedPhoneError } from '../../../core/errors/UnverifiedPhoneError.ts';
import { ProblemError } from './ProblemError.ts';

/** Maps whatever a route threw to a problem; undefined for an unexpected error (a 500). */
export function toProblem(error: unknown): ProblemError | undefined {
  if (error instanceof ProblemError) return error;
  if (error instanceof NotFoundError) return new ProblemError(404, 'not-found', 'Not found', error.message, { kind: error.kind, id: error.id });
  if (error instanceof ConflictError) return new ProblemError(409, 'conflict', 'Conflict with the current state', error.message, error.details);
  if (error instanceof RuleViolationError) {
    return new ProblemError(422, 'rule-violation', 'Refused by the plan\'s rules', error.message, error.field ? { errors: [{ in: 'body', field: error.field, detail: error.message }] } : {});
  }
  if (error instanceof TooManyRequestsError) return new ProblemError(429, 'too-many-requests', 'Too many requests', error.message, { retryAfterSeconds: error.retryAfterSeconds }, { 'Retry-After': String(error.retryAfterSeconds) });
  // Open311 answers an invalid api_key with 403.
  if (error instanceof UnverifiedPhoneError) return new ProblemError(403, 'unverified-phone', 'Phone not verified', error.message);
  if (error instanceof InvalidCursorError) return new ProblemError(400, 'invalid-cursor', 'Invalid cursor', error.message, { errors: [{ in: 'query', field: 'cursor', detail: error.message }] });
  if (error instanceof IdempotencyAlreadyInProgressError) {
    return new ProblemError(409, 'idempotency-in-progress', 'Request still in progress', 'a request with this Idempotency-Key is still being processed; wait a few seconds and retry with the same key', {}, { 'Retry-After': '2' });
  }
  if (error instanceof IdempotencyValidationError) {
    return new ProblemError(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'this Idempotency-Key was already used for a different request; use a new key for a new request', { errors: [{ in: 'header', field: 'Idempotency-Key', detail: 'already used for a different request' }] });
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new ProblemError(status, 'http-error', 'Request refused', error instanceof Error ? error.message : 'request refused');
  return undefined;
}
