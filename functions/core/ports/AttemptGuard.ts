/** What an exactly-once run of a piece of work came to. */
export type GuardedResult<T> =
  | { status: 'done'; value: T; replayed: boolean }
  /** A record for this key exists but never completed: an earlier run may have done the work and then died. */
  | { status: 'in-progress' };

/**
 * Runs work at most once per key: a record is written before the work and completed after it.
 * When the work throws, the record is released (the work is known not to have happened) and the error rethrown.
 */
export interface AttemptGuard {
  once<T extends Record<string, unknown>>(key: string, work: () => Promise<T>): Promise<GuardedResult<T>>;
}
