import type { LogEntry } from '../log/LogEntry.ts';
import { maskPhones } from '../log/maskPhones.ts';
import { localDateTime } from './localDateTime.ts';
import { toCsv } from './csv.ts';

export const LOG_CSV_HEADER = ['time_utc', 'time_local', 'actor', 'action', 'subject', 'reason', 'details'] as const;

/** The response log as CSV for spreadsheets: one row per entry in time order, phones masked, details as JSON. */
export function logCsv(entries: readonly LogEntry[], timeZone: string): string {
  const rows = [...entries].sort((a, b) => a.at.localeCompare(b.at)).map((raw) => {
    const e = maskPhones(raw);
    return [e.at, localDateTime(e.at, timeZone), e.actor, e.action, e.subject ?? '', e.reason ?? '', JSON.stringify(e.details)];
  });
  return toCsv([[...LOG_CSV_HEADER], ...rows], { bom: true });
}
