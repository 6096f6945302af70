import type { LogEntry } from '../log/LogEntry.ts';

/** Append-only: entries are added and read, never changed. */
export interface ResponseLog {
  append(entry: LogEntry): Promise<void>;
  list(activationId: string): Promise<LogEntry[]>;
}
