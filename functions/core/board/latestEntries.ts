import type { LoggedEntry } from '../log/LoggedEntry.ts';
import type { ResponseLog } from '../ports/ResponseLog.ts';

const WINDOWS_MINUTES = [15, 120, 24 * 60, 7 * 24 * 60];
const PAGE = 500;
const MAX_PAGES = 20;

/**
 * The newest `count` entries of a log stream, newest first. The log pages oldest first, so this reads
 * forward from a little before `now`, widening the window until it finds something, never the whole log.
 */
export async function latestEntries(log: ResponseLog, stream: string, now: Date, count: number): Promise<LoggedEntry[]> {
  for (const minutes of WINDOWS_MINUTES) {
    const from = new Date(now.getTime() - minutes * 60_000).toISOString();
    const kept: LoggedEntry[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < MAX_PAGES; n++) {
      const page = await log.page(stream, { limit: PAGE, from, ...(cursor ? { cursor } : {}) });
      kept.push(...page.entries);
      if (kept.length > count) kept.splice(0, kept.length - count);
      if (!page.next) break;
      cursor = page.next;
    }
    if (kept.length > 0) return kept.reverse();
  }
  return [];
}
