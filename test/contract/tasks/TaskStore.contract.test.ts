import { describe, expect, it } from 'vitest';
import { SUBJECTS, type ContractWorld } from '../support/subjects.ts';
import { openActivation, task } from '../support/records.ts';

const LATER = '2026-12-14T00:20:00.000Z';

async function booked(make: () => Promise<ContractWorld>): Promise<ContractWorld> {
  const w = await make();
  await w.activations.createActivation(openActivation(), []);
  await w.bookings.bookTeam([task(1, 1), task(1, 2, { sequence: 2 })]);
  await w.bookings.bookTeam([task(2, 3)]);
  return w;
}

describe.each(SUBJECTS)('TaskStore: $name', ({ make }) => {
  it('reserves blocks of task codes that never repeat', async () => {
    const w = await make();
    expect([await w.tasks.reserveTaskCodes('act-1', 3), await w.tasks.reserveTaskCodes('act-1', 2), await w.tasks.reserveTaskCodes('act-2', 1)]).toEqual([0, 3, 0]);
  });

  it('reads tasks by id in the order asked, leaving out ids not found', async () => {
    const w = await booked(make);
    expect((await w.tasks.getTasks('act-1', ['task-2-3', 'missing', 'task-1-1'])).map((t) => t.id)).toEqual(['task-2-3', 'task-1-1']);
  });

  it('lists every task of an activation once, in id order, however many teams hold them', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    for (let n = 1; n <= 12; n++) await w.bookings.bookTeam([task(n, 2 * n), task(n, 2 * n + 1, { sequence: 2 })]);
    const ids = Array.from({ length: 12 }, (_, i) => [`task-${i + 1}-${2 * i + 2}`, `task-${i + 1}-${2 * i + 3}`]).flat().sort();
    expect((await w.tasks.listTasks('act-1')).map((t) => t.id)).toEqual(ids);
  });

  it('lists a crew\'s open tasks only', async () => {
    const w = await booked(make);
    await w.tasks.transitionTask(task(1, 1), 'planned', 'done', LATER);
    expect((await w.tasks.listOpenTasksForCrew('C1')).map((t) => t.id)).toEqual(['task-1-2']);
  });

  it('moves a task only from the state the caller read', async () => {
    const w = await booked(make);
    const first = await w.tasks.transitionTask(task(1, 1), 'planned', 'dispatched', LATER);
    const stale = await w.tasks.transitionTask(task(1, 1), 'planned', 'acknowledged', LATER);
    expect({ first, stale, state: (await w.tasks.getTasks('act-1', ['task-1-1']))[0]?.state }).toEqual({ first: true, stale: false, state: 'dispatched' });
  });

  it('counts a move that landed and then timed out as done', async () => {
    const w = await booked(make);
    w.landNextWriteThenTimeOut();
    expect(await w.tasks.transitionTask(task(1, 1), 'planned', 'dispatched', LATER)).toBe(true);
  });

  it('moves a crew\'s tasks on together, each from the state it was read in', async () => {
    const w = await booked(make);
    await w.tasks.transitionTask(task(1, 2), 'planned', 'dispatched', LATER);
    const moved = await w.tasks.transitionTasks([task(1, 1, { state: 'planned' }), task(1, 2, { sequence: 2, state: 'dispatched' })], 'acknowledged', LATER);
    expect({ moved: moved.map((t) => `${t.id}:${t.state}:${t.updatedAt}`), stored: (await w.tasks.listTasks('act-1')).map((t) => `${t.id}:${t.state}`) })
      .toEqual({ moved: [`task-1-1:acknowledged:${LATER}`, `task-1-2:acknowledged:${LATER}`], stored: ['task-1-1:acknowledged', 'task-1-2:acknowledged', 'task-2-3:planned'] });
  });

  it('leaves a task that moved meanwhile as it is and moves the others of the batch', async () => {
    const w = await booked(make);
    const read = await w.tasks.listTasks('act-1');
    await w.tasks.transitionTask(task(1, 1), 'planned', 'dispatched', LATER);
    const moved = await w.tasks.transitionTasks(read, 'dispatched', LATER);
    expect({ moved: moved.map((t) => t.id), stored: (await w.tasks.listTasks('act-1')).map((t) => t.state) }).toEqual({ moved: ['task-1-2', 'task-2-3'], stored: ['dispatched', 'dispatched', 'dispatched'] });
  });

  it('moves no task that another crew holds now (reassigned since it was read), nor one read closed', async () => {
    const w = await booked(make);
    const moved = await w.tasks.transitionTasks([task(1, 1, { crewId: 'C9' }), task(1, 2, { sequence: 2, state: 'done' })], 'dispatched', LATER);
    expect({ moved, stored: (await w.tasks.listTasks('act-1')).map((t) => t.state) }).toEqual({ moved: [], stored: ['planned', 'planned', 'planned'] });
  });

  it('moves a batch larger than one transaction, every task once', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    const tasks = Array.from({ length: 130 }, (_, i) => task(1, i + 1, { sequence: i + 1 }));
    for (let i = 0; i < tasks.length; i += 30) await w.bookings.bookTeam(tasks.slice(i, i + 30).map((t) => ({ ...t, crewId: `C${i}`, vehicleId: `V${i}` })));
    const read = await w.tasks.listTasks('act-1');
    const moved = await w.tasks.transitionTasks(read, 'dispatched', LATER);
    expect({ moved: moved.length, dispatched: (await w.tasks.listTasks('act-1')).filter((t) => t.state === 'dispatched').length }).toEqual({ moved: 130, dispatched: 130 });
  });

  it('counts a batch move that landed and then timed out as done', async () => {
    const w = await booked(make);
    const read = await w.tasks.listTasks('act-1');
    w.landNextWriteThenTimeOut();
    expect((await w.tasks.transitionTasks(read, 'dispatched', LATER)).map((t) => t.id)).toEqual(['task-1-1', 'task-1-2', 'task-2-3']);
  });

  it('refuses to close tasks by moving them (closing frees the team)', async () => {
    const w = await booked(make);
    await expect(w.tasks.transitionTasks(await w.tasks.listTasks('act-1'), 'done', LATER)).rejects.toThrow(/closeTasks/);
  });

  it('frees the crew and vehicle when the last open task of their team closes, not before', async () => {
    const w = await booked(make);
    await w.tasks.transitionTask(task(1, 1), 'planned', 'done', LATER);
    const afterOne = (await w.bookings.listBusy()).crewIds.has('C1');
    await w.tasks.transitionTask(task(1, 2), 'planned', 'cannot', LATER);
    const busy = await w.bookings.listBusy();
    expect({ afterOne, crews: [...busy.crewIds], vehicles: [...busy.vehicleIds] }).toEqual({ afterOne: true, crews: ['C2'], vehicles: ['V2'] });
  });

  it('closes teams together, leaving a task a reply moved meanwhile as it is', async () => {
    const w = await booked(make);
    const read = await w.tasks.listTasks('act-1');
    await w.tasks.transitionTask(task(1, 1), 'planned', 'acknowledged', LATER);
    const closed = await w.tasks.closeTasks(read, 'cancelled', LATER);
    expect({ closed: closed.map((t) => t.id).sort(), states: (await w.tasks.listTasks('act-1')).map((t) => t.state), busy: [...(await w.bookings.listBusy()).crewIds] })
      .toEqual({ closed: ['task-1-2', 'task-2-3'], states: ['acknowledged', 'cancelled', 'cancelled'], busy: ['C1'] });
  });

  it('closes nothing once the activation has been upgraded past the wave the caller read', async () => {
    const w = await booked(make);
    await w.activations.upgradeActivation('act-1', { level: 'I', zoneLevels: { z1: 'I' }, wave: 2, upgradedAt: LATER }, 1);
    const closed = await w.tasks.closeTasks(await w.tasks.listTasks('act-1'), 'cancelled', LATER, { wave: 1 });
    expect({ closed, open: (await w.tasks.listTasks('act-1')).every((t) => t.state === 'planned') }).toEqual({ closed: [], open: true });
  });

  it('gives a cancelled road pass back, so another team can be booked on it', async () => {
    const w = await booked(make);
    await w.tasks.closeTasks([task(2, 3)], 'cancelled', LATER);
    expect(await w.bookings.bookTeam([task(3, 3, { id: 'again' })])).toEqual({ ok: true });
  });
});
