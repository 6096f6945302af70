import type { LogEntry } from '../log/LogEntry.ts';
import type { CitizenCase } from './CitizenCase.ts';
import { CITIZEN_LOG } from './CitizenDeps.ts';

/** A log entry about a case. The reporter's phone is never in it: a case is named by its id. */
export function caseLogEntry(c: CitizenCase, action: string, actor: string, at: string, details: Record<string, unknown> = {}, reason?: string): LogEntry {
  return {
    activationId: CITIZEN_LOG,
    at,
    actor,
    action: `citizen.${action}`,
    subject: `case:${c.id}`,
    details: { category: c.category, state: c.state, voices: c.voices, ...(c.zoneId ? { zoneId: c.zoneId } : {}), ...details },
    ...(reason ? { reason } : {}),
  };
}
