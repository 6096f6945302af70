import { levelRank, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { LogEntry } from '../log/LogEntry.ts';

/**
 * When the forecast put the city above "none" for the stretch that led to the activation: replays
 * the poller's level changes before `openedAt` and keeps the start of the last stretch above none.
 */
export function triggerTime(systemLog: readonly LogEntry[], openedAt: string): string | null {
  const zones = new Map<string, ResponseLevel>();
  let since: string | null = null;
  const changes = systemLog.filter((e) => e.action === 'forecast.level-changed' && e.at <= openedAt).sort((a, b) => a.at.localeCompare(b.at));
  for (const e of changes) {
    const cityBefore = Math.max(0, ...[...zones.values()].map(levelRank));
    zones.set(e.subject ?? '', String(e.details.to ?? 'none') as ResponseLevel);
    const cityAfter = Math.max(0, ...[...zones.values()].map(levelRank));
    if (cityBefore === 0 && cityAfter > 0) since = e.at;
    if (cityAfter === 0) since = null;
  }
  return since;
}
