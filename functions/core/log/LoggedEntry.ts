import type { LogEntry } from './LogEntry.ts';

/** A log entry as stored, with the id that orders it (time, then a unique suffix). */
export interface LoggedEntry extends LogEntry {
  id: string;
}

/** One page of a log, oldest first; `next` is an opaque cursor for the page after, absent on the last. */
export interface LogPage {
  entries: LoggedEntry[];
  next?: string;
}

export interface LogPageRequest {
  /** Entries per page, 1 to 500. */
  limit: number;
  /** A cursor from a previous page. */
  cursor?: string;
  /** Only entries at or after this UTC ISO time. */
  from?: string;
  /** Only entries before this UTC ISO time. */
  to?: string;
}
