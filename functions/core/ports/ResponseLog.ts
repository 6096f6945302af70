import type { LogEntry } from '../log/LogEntry.ts';
import type { LogPage, LogPageRequest, LoggedEntry } from '../log/LoggedEntry.ts';

/** Append-only: entries are added and read, never changed. There is deliberately no update or delete. */
export interface ResponseLog {
  append(entry: LogEntry): Promise<void>;
  list(activationId: string): Promise<LogEntry[]>;
  /** One page of an activation's log in time order; throws InvalidCursorError for a cursor it did not issue. */
  page(activationId: string, request: LogPageRequest): Promise<LogPage>;
  /** The newest `count` entries of an activation's log, newest first (one short read, however long the log). */
  latest(activationId: string, count: number): Promise<LoggedEntry[]>;
}
