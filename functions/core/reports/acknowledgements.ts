import type { LogEntry } from '../log/LogEntry.ts';

const ACKNOWLEDGING = new Set(['reply.ack', 'reply.onsite', 'reply.done']);

function codesOf(entry: LogEntry): string[] {
  const tasks = entry.details.tasks;
  return Array.isArray(tasks) ? tasks.filter((t): t is string => typeof t === 'string') : [];
}

/** Whether an entry is a tasking SMS that went out (a tasking's attempts carry its case; notices to crews and officers do not). */
export function isTaskingSms(e: LogEntry): boolean {
  return e.action === 'sms.sent' && typeof e.details.caseId === 'string' && codesOf(e).length > 0;
}

/** First time each task code appears in log entries that `pick` picks. */
function firstTimes(log: readonly LogEntry[], pick: (entry: LogEntry) => boolean): Map<string, string> {
  const times = new Map<string, string>();
  for (const e of [...log].sort((a, b) => a.at.localeCompare(b.at))) {
    if (!pick(e)) continue;
    for (const code of codesOf(e)) if (!times.has(code)) times.set(code, e.at);
  }
  return times;
}

export interface TaskResponseTimes {
  /** Task code -> when its tasking SMS went out. */
  dispatchedAt: Map<string, string>;
  /** Task code -> when its leader first acknowledged it (a 1, 2 or 3 that changed it). */
  acknowledgedAt: Map<string, string>;
  /** Task code -> when its leader said they cannot. */
  refusedAt: Map<string, string>;
  /** Task code -> when it was reported done. */
  doneAt: Map<string, string>;
}

/** Reads dispatch, acknowledgement, refusal and completion times per task from the response log. */
export function taskResponseTimes(log: readonly LogEntry[]): TaskResponseTimes {
  return {
    dispatchedAt: firstTimes(log, isTaskingSms),
    acknowledgedAt: firstTimes(log, (e) => ACKNOWLEDGING.has(e.action)),
    refusedAt: firstTimes(log, (e) => e.action === 'reply.cannot'),
    doneAt: firstTimes(log, (e) => e.action === 'reply.done'),
  };
}
