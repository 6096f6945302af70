import { describe, expect, it } from 'vitest';
import { SUBJECTS } from '../support/subjects.ts';
import { AT, openActivation, task } from '../support/records.ts';

const LATER = '2026-12-14T00:02:00.000Z';
const AFTER = '2026-12-14T00:03:00.000Z';

describe.each(SUBJECTS)('RoadRetirements: $name', ({ make }) => {
  it('marks a road for one deletion at a time', async () => {
    const w = await make();
    const first = await w.roadRetirements.beginRetiring('R1', 'del-1', AT, LATER);
    const second = await w.roadRetirements.beginRetiring('R1', 'del-2', AT, LATER);
    expect({ first, second }).toEqual({ first: 'marked', second: 'busy' });
  });

  it('lets a new deletion take a mark that expired (a deletion that crashed)', async () => {
    const w = await make();
    await w.roadRetirements.beginRetiring('R1', 'del-1', AT, LATER);
    expect(await w.roadRetirements.beginRetiring('R1', 'del-2', AFTER, '2026-12-14T00:05:00.000Z')).toBe('marked');
  });

  it('counts a mark that landed and then timed out as its own', async () => {
    const w = await make();
    w.landNextWriteThenTimeOut();
    expect(await w.roadRetirements.beginRetiring('R1', 'del-1', AT, LATER)).toBe('marked');
  });

  it('removes a cancelled deletion\'s mark, and only its own', async () => {
    const w = await make();
    await w.roadRetirements.beginRetiring('R1', 'del-1', AT, LATER);
    await w.roadRetirements.cancelRetiring('R1', 'del-2');
    const whileOthers = await w.roadRetirements.beginRetiring('R1', 'del-3', AT, LATER);
    await w.roadRetirements.cancelRetiring('R1', 'del-1');
    expect({ whileOthers, afterOwn: await w.roadRetirements.beginRetiring('R1', 'del-3', AT, LATER) }).toEqual({ whileOthers: 'busy', afterOwn: 'marked' });
  });

  it('refuses a booking on a marked road, and books it once the mark is cleared after the road is saved again', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    await w.roadRetirements.beginRetiring('R1', 'del-1', AT, LATER);
    await w.roadRetirements.markRetired('R1', 'del-1', '2026-12-14T00:15:00.000Z');
    const whileRetired = await w.bookings.bookTeam([task(1, 2), task(1, 1, { sequence: 2 })]);
    await w.roadRetirements.clearRetired('R1');
    expect({ whileRetired, afterSave: await w.bookings.bookTeam([task(1, 2), task(1, 1, { sequence: 2 })]) })
      .toEqual({ whileRetired: { ok: false, reason: 'road Road 1 is being deleted from the registry' }, afterSave: { ok: true } });
  });

  it('never clears a deletion still in progress when the road is saved', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    await w.roadRetirements.beginRetiring('R1', 'del-1', AT, LATER);
    await w.roadRetirements.clearRetired('R1');
    expect(await w.bookings.bookTeam([task(1, 1)])).toEqual({ ok: false, reason: 'road Road 1 is being deleted from the registry' });
  });

  it('books a road whose mark expired before the booking\'s time', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    await w.roadRetirements.beginRetiring('R1', 'del-1', AT, LATER);
    expect(await w.bookings.bookTeam([task(1, 1, { updatedAt: AFTER })])).toEqual({ ok: true });
  });

  it('refuses a long team whose road in a later transaction is marked, leaving nothing of it', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    const team = Array.from({ length: 40 }, (_, i) => task(1, i + 1, { sequence: i + 1 }));
    await w.roadRetirements.beginRetiring('R40', 'del-1', AT, LATER);
    const refused = await w.bookings.bookTeam(team);
    const busy = await w.bookings.listBusy();
    expect({ refused, tasks: (await w.tasks.listTasks('act-1')).length, crews: busy.crewIds.size })
      .toEqual({ refused: { ok: false, reason: 'road Road 40 is being deleted from the registry' }, tasks: 0, crews: 0 });
  });
});
