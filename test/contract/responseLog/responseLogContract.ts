import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../../functions/core/errors/InvalidCursorError.ts';
import type { LogEntry } from '../../../functions/core/log/LogEntry.ts';
import type { ResponseLog } from '../../../functions/core/ports/ResponseLog.ts';

const entry = (activationId: string, minute: number, action = 'task.acknowledged'): LogEntry =>
  ({ activationId, at: `2026-12-14T01:${String(minute).padStart(2, '0')}:00.000Z`, actor: 'crew:C01', action, subject: `task:T${minute}`, details: { minute } });

/** What every ResponseLog does: the DynamoDB adapter and its twin alike. */
export function responseLogContract(name: string, make: () => Promise<ResponseLog>): void {
  describe(`ResponseLog: ${name}`, () => {
    it('lists an activation\'s entries in time order, whatever order they were appended in, and none of another\'s', async () => {
      const log = await make();
      for (const m of [3, 1, 2]) await log.append(entry('act-1', m));
      await log.append(entry('act-2', 0));
      expect((await log.list('act-1')).map((e) => e.details.minute)).toEqual([1, 2, 3]);
    });

    it('keeps two entries written at the same moment, overwriting neither', async () => {
      const log = await make();
      await log.append(entry('act-1', 5, 'sms.sent'));
      await log.append(entry('act-1', 5, 'task.dispatched'));
      expect((await log.list('act-1')).map((e) => e.action).sort()).toEqual(['sms.sent', 'task.dispatched']);
    });

    it('pages through the whole log with its cursor, each entry once, the last page with no cursor', async () => {
      const log = await make();
      for (let m = 0; m < 7; m++) await log.append(entry('act-1', m));
      const seen: unknown[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await log.page('act-1', { limit: 3, cursor });
        seen.push(...page.entries.map((e) => e.details.minute));
        cursor = page.next;
        pages++;
      } while (cursor);
      expect({ seen, pages }).toEqual({ seen: [0, 1, 2, 3, 4, 5, 6], pages: 3 });
    });

    it('gives entries from a time on and before another, each with its id', async () => {
      const log = await make();
      for (let m = 0; m < 6; m++) await log.append(entry('act-1', m));
      const page = await log.page('act-1', { limit: 10, from: '2026-12-14T01:02:00.000Z', to: '2026-12-14T01:04:00.000Z' });
      expect(page.entries.map((e) => [e.details.minute, e.id.startsWith(e.at)])).toEqual([[2, true], [3, true]]);
    });

    it('gives the newest entries of an activation, newest first, and none of another\'s', async () => {
      const log = await make();
      for (const m of [4, 1, 3, 2, 0]) await log.append(entry('act-1', m));
      await log.append(entry('act-2', 9));
      expect((await log.latest('act-1', 3)).map((e) => [e.details.minute, e.id.startsWith(e.at)])).toEqual([[4, true], [3, true], [2, true]]);
    });

    it('gives no newest entries for an activation with no log', async () => {
      const log = await make();
      await log.append(entry('act-2', 1));
      expect(await log.latest('act-1', 3)).toEqual([]);
    });

    it('refuses a cursor it did not issue, and one issued for another activation', async () => {
      const log = await make();
      for (let m = 0; m < 3; m++) { await log.append(entry('act-1', m)); await log.append(entry('act-2', m)); }
      const other = (await log.page('act-2', { limit: 1 })).next!;
      await expect(log.page('act-1', { limit: 1, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(log.page('act-1', { limit: 1, cursor: other })).rejects.toBeInstanceOf(InvalidCursorError);
    });
  });
}
