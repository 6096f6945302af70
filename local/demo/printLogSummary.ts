import type { LogEntry } from '../../functions/core/log/LogEntry.ts';
import { localTime } from '../../functions/core/messages/localTime.ts';

/** The response log as a manager would skim it: counts by action, then the timeline. */
export function formatLogSummary(entries: readonly LogEntry[], timeZone: string): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
  const lines = ['Response log: ' + [...counts].map(([a, n]) => `${a} ×${n}`).join(', ')];
  for (const e of entries) {
    const why = e.reason ? ` (${e.reason})` : '';
    lines.push(`  ${localTime(e.at, timeZone)}  ${e.actor.padEnd(16)} ${e.action.padEnd(24)} ${e.subject ?? ''}${why}`);
  }
  return lines.join('\n');
}
