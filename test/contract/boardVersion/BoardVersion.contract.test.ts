import { describe, expect, it } from 'vitest';
import { mergeChanges } from '../../../functions/core/board/mergeChanges.ts';
import type { TaskingCase } from '../../../functions/core/escalation/TaskingCase.ts';
import { SUBJECTS } from '../support/subjects.ts';
import { AT, openActivation, task } from '../support/records.ts';

function taskingCase(id: string): TaskingCase {
  return { id, activationId: 'act-1', crewId: 'C1', wave: 1, level: 'II', taskIds: ['task-1-1'], taskCodes: ['T01'], step: 'leader', attempts: 1, dueAt: null, recipients: [], openedAt: AT, updatedAt: AT, version: 1 };
}

describe.each(SUBJECTS)('BoardVersion: $name', ({ make }) => {
  it('is 0 before anything is written', async () => {
    const w = await make();
    expect((await w.boardVersion.read()).version).toBe(0);
  });

  it('has moved on past what was read before each of ten bumps made at once, once they return', async () => {
    const w = await make();
    const before = await w.boardVersion.read();
    await Promise.all(Array.from({ length: 10 }, (_, i) => w.boardVersion.bump({ tasks: { 'act-1': [`t${i}`] } })));
    expect((await w.boardVersion.read()).version).toBeGreaterThan(before.version);
  });

  it('moves on when a team is booked and when its task moves, and stays put while tasks are only read', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    const fresh = (await w.boardVersion.read()).version;
    await w.bookings.bookTeam([task(1, 1)]);
    const booked = (await w.boardVersion.read()).version;
    await w.tasks.listTasks('act-1');
    const read = (await w.boardVersion.read()).version;
    await w.tasks.transitionTask(task(1, 1), 'planned', 'dispatched', '2026-12-14T00:05:00.000Z');
    expect([booked > fresh, read === booked, (await w.boardVersion.read()).version > read]).toEqual([true, true, true]);
  });

  it('moves on when road passes are marked short', async () => {
    const w = await make();
    const before = await w.boardVersion.read();
    await w.shortfalls.markShortfallsReported('act-1', ['R1#plough']);
    expect((await w.boardVersion.read()).version).toBeGreaterThan(before.version);
  });

  it('names the tasks written between two marks, and none written before the first', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    await w.bookings.bookTeam([task(1, 1)]);
    const from = await w.boardVersion.read();
    await w.bookings.bookTeam([task(2, 2), task(2, 3)]);
    await w.tasks.transitionTask(task(1, 1), 'planned', 'acknowledged', '2026-12-14T00:05:00.000Z');
    const to = await w.boardVersion.read();
    const changes = await w.boardVersion.changesBetween(from, to);
    expect(mergeChanges(changes!)).toEqual({ tasks: { 'act-1': ['task-1-1', 'task-2-2', 'task-2-3'] } });
  });

  it('names the tasking cases saved and the road passes marked short', async () => {
    const w = await make();
    const from = await w.boardVersion.read();
    await w.taskingCases.createTaskingCase(taskingCase('act-1#C1#w1#T01'));
    await w.shortfalls.markShortfallsReported('act-1', ['R7#plough', 'R8#spreader']);
    const changes = await w.boardVersion.changesBetween(from, await w.boardVersion.read());
    expect(mergeChanges(changes!)).toEqual({ cases: { 'act-1': ['act-1#C1#w1#T01'] }, shortfalls: { 'act-1': ['R7#plough', 'R8#spreader'] } });
  });

  it('gives each of many bumps made at once exactly once between the marks around them', async () => {
    const w = await make();
    const from = await w.boardVersion.read();
    await Promise.all(Array.from({ length: 12 }, (_, i) => w.boardVersion.bump({ tasks: { 'act-1': [`t${String(i).padStart(2, '0')}`] } })));
    const changes = (await w.boardVersion.changesBetween(from, await w.boardVersion.read()))!;
    const ids = changes.flatMap((c) => c.tasks?.['act-1'] ?? []);
    expect({ ids: [...ids].sort(), once: new Set(ids).size === ids.length }).toEqual({ ids: Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`), once: true });
  });

  it('gives every bump of three containers writing at once exactly once, each moving the version', async () => {
    const w = await make();
    const containers = [w, w.anotherContainer(), w.anotherContainer()];
    const from = await w.boardVersion.read();
    const ids = containers.flatMap((_, c) => Array.from({ length: 10 }, (_, i) => `c${c}-t${String(i).padStart(2, '0')}`));
    await Promise.all(containers.map((ports, c) => Promise.all(ids.filter((id) => id.startsWith(`c${c}-`)).map((id) => ports.boardVersion.bump({ tasks: { 'act-1': [id] } })))));
    const to = await w.boardVersion.read();
    const named = (await w.boardVersion.changesBetween(from, to))!.flatMap((c) => c.tasks?.['act-1'] ?? []);
    expect({ named: [...named].sort(), once: new Set(named).size === named.length, moved: to.version > from.version }).toEqual({ named: ids, once: true, moved: true });
  });

  it('says all when a write cannot name what it touched (repairing half-written bookings)', async () => {
    const w = await make();
    const from = await w.boardVersion.read();
    await w.bookings.repairIncompleteBookings(AT);
    const changes = await w.boardVersion.changesBetween(from, await w.boardVersion.read());
    expect(mergeChanges(changes!)).toEqual({ all: true });
  });

  it('keeps a change naming more tasks than a stored change holds as all', async () => {
    const w = await make();
    const from = await w.boardVersion.read();
    await w.boardVersion.bump({ tasks: { 'act-1': Array.from({ length: 3_001 }, (_, i) => `task-${i}`) } });
    expect(await w.boardVersion.changesBetween(from, await w.boardVersion.read())).toEqual([{ all: true }]);
  });

  it('counts a bump whose answer was lost, and sent again, once', async () => {
    const w = await make();
    const from = await w.boardVersion.read();
    w.landNextWriteThenTimeOut();
    await w.boardVersion.bump({ tasks: { 'act-1': ['t1'] } });
    const to = await w.boardVersion.read();
    expect({ moved: to.version - from.version, changes: await w.boardVersion.changesBetween(from, to) }).toEqual({ moved: 1, changes: [{ tasks: { 'act-1': ['t1'] } }] });
  });
});
