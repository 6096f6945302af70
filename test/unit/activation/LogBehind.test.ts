import { describe, expect, it } from 'vitest';
import { LogBehind } from '../../../functions/core/activation/LogBehind.ts';
import type { LogEntry } from '../../../functions/core/log/LogEntry.ts';

const entry = (n: number): LogEntry => ({ activationId: 'act-1', at: `2026-12-14T00:00:0${n}.000Z`, actor: 'planner', action: 'team.booked', subject: `crew:C${n}`, details: {} });

/** A log whose appends finish only when released, counting how many are in flight. */
function slowLog(fail?: number) {
  const written: string[] = [];
  const releases: (() => void)[] = [];
  let inFlight = 0;
  let most = 0;
  return {
    written, releases, most: () => most,
    append: (e: LogEntry) => new Promise<void>((resolve, reject) => {
      most = Math.max(most, ++inFlight);
      releases.push(() => { inFlight--; if (e.subject === `crew:C${fail}`) reject(new Error('Rate exceeded')); else { written.push(e.subject!); resolve(); } });
    }),
  };
}

const releaseAll = async (log: ReturnType<typeof slowLog>, until: Promise<unknown>) => {
  let done = false;
  void until.then(() => { done = true; }, () => { done = true; });
  while (!done) { log.releases.shift()?.(); await new Promise((r) => setImmediate(r)); }
};

describe('LogBehind: a booking loop\'s entries written behind it', () => {
  it('writes every entry handed, with at most the given number in flight', async () => {
    const log = slowLog();
    const behind = new LogBehind(log, 3);
    const run = (async () => { for (let n = 1; n <= 7; n++) await behind.append(entry(n)); await behind.flush(); })();
    await releaseAll(log, run);
    await run;
    expect({ written: log.written, most: log.most() }).toEqual({ written: ['crew:C1', 'crew:C2', 'crew:C3', 'crew:C4', 'crew:C5', 'crew:C6', 'crew:C7'], most: 3 });
  });

  it('throws a failed write at the flush, so the run does not end with an entry lost', async () => {
    const log = slowLog(2);
    const behind = new LogBehind(log, 8);
    const run = (async () => { for (let n = 1; n <= 3; n++) await behind.append(entry(n)); await behind.flush(); })();
    await releaseAll(log, run);
    await expect(run).rejects.toThrow('Rate exceeded');
  });

  it('waits for the rest without throwing when the run is failing already (settle)', async () => {
    const log = slowLog(1);
    const behind = new LogBehind(log, 8);
    const run = (async () => { await behind.append(entry(1)); await behind.append(entry(2)); await behind.settle(); })();
    await releaseAll(log, run);
    await run;
    expect(log.written).toEqual(['crew:C2']);
  });
});
