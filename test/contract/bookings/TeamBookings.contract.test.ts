import { describe, expect, it } from 'vitest';
import { SUBJECTS, type ContractWorld } from '../support/subjects.ts';
import { openActivation, task } from '../support/records.ts';

async function opened(make: () => Promise<ContractWorld>): Promise<ContractWorld> {
  const w = await make();
  await w.activations.createActivation(openActivation(), []);
  return w;
}

const MOVE = { vehicleLabel: 'V-2', depot: 'depot', sequence: 2, startBy: '2026-12-14T00:40:00.000Z', passableAt: '2026-12-14T01:40:00.000Z', state: 'planned' as const };

describe.each(SUBJECTS)('TeamBookings: $name', ({ make }) => {
  it('books a team: its tasks written, its crew and vehicle busy', async () => {
    const w = await opened(make);
    const result = await w.bookings.bookTeam([task(1, 1), task(1, 2, { sequence: 2 })]);
    const busy = await w.bookings.listBusy();
    expect({ result, tasks: (await w.tasks.listTasks('act-1')).map((t) => t.id), crews: [...busy.crewIds], vehicles: [...busy.vehicleIds] })
      .toEqual({ result: { ok: true }, tasks: ['task-1-1', 'task-1-2'], crews: ['C1'], vehicles: ['V1'] });
  });

  it('refuses a team whose crew is booked, writing none of it', async () => {
    const w = await opened(make);
    await w.bookings.bookTeam([task(1, 1)]);
    const refused = await w.bookings.bookTeam([task(1, 2, { vehicleId: 'V9' })]);
    expect({ refused, tasks: (await w.tasks.listTasks('act-1')).length, vehicles: [...(await w.bookings.listBusy()).vehicleIds] })
      .toEqual({ refused: { ok: false, reason: 'crew C1 is already booked' }, tasks: 1, vehicles: ['V1'] });
  });

  it('refuses a team whose road pass is already tasked in the activation', async () => {
    const w = await opened(make);
    await w.bookings.bookTeam([task(1, 1)]);
    const refused = await w.bookings.bookTeam([task(2, 1, { id: 'other' })]);
    expect({ refused, busy: [...(await w.bookings.listBusy()).crewIds] }).toEqual({ refused: { ok: false, reason: 'road pass Road 1 (plough) is already tasked in this activation' }, busy: ['C1'] });
  });

  it('finds the tasks holding the road passes asked, only those tasked and not given back', async () => {
    const w = await opened(make);
    await w.bookings.bookTeam([task(1, 1), task(1, 2, { sequence: 2 })]);
    await w.bookings.bookTeam([task(2, 3, { vehicleId: 'V2' }), task(2, 4, { vehicleId: 'V2', sequence: 2 })]);
    await w.tasks.transitionTask(task(1, 1), 'planned', 'done', '2026-12-14T02:00:00.000Z');
    await w.tasks.closeTasks([task(2, 3, { vehicleId: 'V2' })], 'cannot', '2026-12-14T02:00:00.000Z');
    const found = await w.bookings.findCovers('act-1', [1, 3, 4, 5].map((n) => ({ roadId: `R${n}`, pass: 'plough' })));
    expect(Object.fromEntries(found)).toEqual({ 'R1#plough': 'task-1-1', 'R4#plough': 'task-2-4' });
  });

  it('finds no cover in another activation, and reads a hundred passes and more', async () => {
    const w = await opened(make);
    await w.bookings.bookTeam([task(1, 1)]);
    const passes = Array.from({ length: 130 }, (_, i) => ({ roadId: `R${i + 1}`, pass: 'plough' }));
    expect({ here: [...(await w.bookings.findCovers('act-1', passes)).keys()], elsewhere: (await w.bookings.findCovers('act-2', passes)).size })
      .toEqual({ here: ['R1#plough'], elsewhere: 0 });
  });

  it('books nothing into an activation that was stood down', async () => {
    const w = await opened(make);
    await w.activations.closeActivation('act-1', { closedAt: '2026-12-14T01:00:00.000Z', closedBy: 'o', closeReason: 'clear' });
    expect(await w.bookings.bookTeam([task(1, 1)])).toEqual({ ok: false, reason: 'activation act-1 is no longer open' });
  });

  it('books a crew for one of two racing teams only', async () => {
    const w = await opened(make);
    const results = await Promise.all([w.bookings.bookTeam([task(1, 1)]), w.bookings.bookTeam([task(1, 2, { vehicleId: 'V2' })])]);
    expect({ booked: results.filter((r) => r.ok).length, tasks: (await w.tasks.listTasks('act-1')).length }).toEqual({ booked: 1, tasks: 1 });
  });

  it('counts a booking that landed and then timed out as booked, once', async () => {
    const w = await opened(make);
    w.landNextWriteThenTimeOut();
    const result = await w.bookings.bookTeam([task(1, 1)]);
    expect({ result, tasks: (await w.tasks.listTasks('act-1')).length }).toEqual({ result: { ok: true }, tasks: 1 });
  });

  it('unbooks a team: tasks gone, crew, vehicle and road pass free again', async () => {
    const w = await opened(make);
    await w.bookings.bookTeam([task(1, 1)]);
    await w.bookings.unbookTeam([task(1, 1)]);
    const busy = await w.bookings.listBusy();
    expect({ tasks: await w.tasks.listTasks('act-1'), crews: busy.crewIds.size, again: await w.bookings.bookTeam([task(2, 1)]) }).toEqual({ tasks: [], crews: 0, again: { ok: true } });
  });

  it('moves an open task to a free team, which becomes busy while the old one is freed', async () => {
    const w = await opened(make);
    await w.bookings.bookTeam([task(1, 1)]);
    const moved = await w.bookings.reassignTask(task(1, 1), { ...MOVE, crewId: 'C2', vehicleId: 'V2' }, '2026-12-14T00:10:00.000Z');
    const busy = await w.bookings.listBusy();
    expect({ moved, crews: [...busy.crewIds], stored: (await w.tasks.getTasks('act-1', ['task-1-1']))[0] })
      .toMatchObject({ moved: { ok: true }, crews: ['C2'], stored: { crewId: 'C2', vehicleId: 'V2', sequence: 2 } });
  });

  it('refuses a move onto a crew booked with another vehicle, and a move of a task that changed meanwhile', async () => {
    const w = await opened(make);
    await w.bookings.bookTeam([task(1, 1)]);
    await w.bookings.bookTeam([task(2, 2)]);
    const ontoBusy = await w.bookings.reassignTask(task(1, 1), { ...MOVE, crewId: 'C2', vehicleId: 'V3' }, '2026-12-14T00:10:00.000Z');
    const stale = await w.bookings.reassignTask(task(1, 1, { state: 'dispatched' }), { ...MOVE, crewId: 'C4', vehicleId: 'V4' }, '2026-12-14T00:10:00.000Z');
    expect({ ontoBusy, stale }).toEqual({
      ontoBusy: { ok: false, reason: 'crew C2 is booked with vehicle V2' },
      stale: { ok: false, reason: 'task T01 changed meanwhile; reload and try again' },
    });
  });
});
