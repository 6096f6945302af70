import { ConflictError } from '../../../functions/core/errors/ConflictError.ts';
import { RuleViolationError } from '../../../functions/core/errors/RuleViolationError.ts';
import { describe, expect, it } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { planAndBook } from '../../../functions/core/activation/planAndBook.ts';
import { reassignTask } from '../../../functions/core/activation/reassign.ts';
import type { ActiveLevel } from '../../../functions/core/levels/ResponseLevel.ts';
import { OPEN_TASK_STATES, type Task } from '../../../functions/core/operations/Task.ts';
import { bookingProblems, lockItems, plannerWorldInMemory, type PlannerMemoryWorld } from '../../support/plannerWorld.ts';

async function activated(world: PlannerMemoryWorld, level: ActiveLevel) {
  const zoneLevels = Object.fromEntries(world.city.zones.map((z) => [z.id, level]));
  const result = await activate(world.deps, { level, zoneLevels, actor: 'officer-wang', reason: 'blizzard', evidence: [] });
  if (result.outcome !== 'activated') throw new Error('expected a new activation');
  return result;
}

const teams = (tasks: Task[]) => {
  const byCrew = new Map<string, Task[]>();
  for (const t of tasks.filter((x) => OPEN_TASK_STATES.includes(x.state))) byCrew.set(t.crewId, [...(byCrew.get(t.crewId) ?? []), t]);
  return byCrew;
};

describe('reassign (on the in-memory twins)', () => {
  it('moves a dispatched task to another team, tells both leaders, logs who and why, and keeps every invariant', async () => {
    const world = await plannerWorldInMemory();
    const { activation, tasks } = await activated(world, 'II');
    const ploughTeams = [...teams(tasks)].filter(([, list]) => list[0]!.pass === 'plough');
    const [[fromCrew, fromTasks], [toCrew, toTasks]] = ploughTeams as [[string, Task[]], [string, Task[]]];
    const task = fromTasks[0]!;
    await world.deps.tasks.transitionTask(task, 'planned', 'dispatched', world.clock.now().toISOString());

    const result = await reassignTask(world.deps, { activationId: activation.id, taskCode: task.code, toCrewId: toCrew, actor: 'officer-li', reason: '豫H铲001 液压故障' });

    expect(result.task.crewId).toBe(toCrew);
    const after = await world.deps.tasks.listTasks(activation.id);
    const moved = after.find((t) => t.id === task.id)!;
    expect([moved.crewId, moved.vehicleId, moved.sequence, moved.state]).toEqual([toCrew, toTasks[0]!.vehicleId, Math.max(...toTasks.map((t) => t.sequence)) + 1, 'dispatched']);
    expect(await bookingProblems(world, after)).toEqual([]);
    const leader = (crewId: string) => world.city.crews.find((c) => c.id === crewId)!.leader.phone;
    const sent = world.deps.sms.sent;
    expect(sent.find((s) => s.to === leader(toCrew))!.body).toContain(task.code);
    expect(sent.find((s) => s.to === leader(fromCrew))!.body).toContain('改派他班');
    const entry = (await world.deps.log.list(activation.id)).find((e) => e.action === 'task.reassigned')!;
    expect([entry.actor, entry.reason, entry.subject]).toEqual(['officer-li', '豫H铲001 液压故障', `task:${task.code}`]);
  });

  it('refuses a crew not certified for the vehicle, and changes nothing', async () => {
    const world = await plannerWorldInMemory();
    const { activation, tasks } = await activated(world, 'II');
    const task = tasks.find((t) => t.pass === 'plough')!;
    const notCertified = world.city.crews.find((c) => !c.certified.includes('plough'))!;
    const before = await world.deps.tasks.listTasks(activation.id);
    const locksBefore = await lockItems(world);
    const refused = reassignTask(world.deps, { activationId: activation.id, taskCode: task.code, toCrewId: notCertified.id, toVehicleId: task.vehicleId, actor: 'officer-li', reason: 'test' });
    await expect(refused).rejects.toThrow(new RuleViolationError(`crew ${notCertified.id} is not certified for plough`));
    expect(await world.deps.tasks.listTasks(activation.id)).toEqual(before);
    expect(await lockItems(world)).toEqual(locksBefore);
    expect((await world.deps.log.list(activation.id)).some((e) => e.action === 'task.reassign-refused' && e.actor === 'officer-li')).toBe(true);
  });

  it('refuses to put a crew on a vehicle another team holds', async () => {
    const world = await plannerWorldInMemory();
    const { activation, tasks } = await activated(world, 'II');
    const ploughTeams = [...teams(tasks)].filter(([, list]) => list[0]!.pass === 'plough');
    const [[, a], [crewB, b], [, c]] = ploughTeams as [[string, Task[]], [string, Task[]], [string, Task[]]];
    const refused = reassignTask(world.deps, { activationId: activation.id, taskCode: a[0]!.code, toCrewId: crewB, toVehicleId: c[0]!.vehicleId, actor: 'officer-li', reason: 'test' });
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toThrow(/is booked with/);
    expect(b.length).toBeGreaterThan(0);
    expect(await bookingProblems(world, await world.deps.tasks.listTasks(activation.id))).toEqual([]);
  });

  it('hands a whole team\'s work to a free crew and vehicle one task at a time, freeing the old team at the end', async () => {
    const world = await plannerWorldInMemory();
    const zoneLevels = { jiefang: 'IV' as const, shanyang: 'none' as const, zhongzhan: 'none' as const, macun: 'none' as const };
    const opened = await activate(world.deps, { level: 'IV', zoneLevels, actor: 'officer-wang', reason: 'blizzard', evidence: [] });
    if (opened.outcome !== 'activated') throw new Error('expected a new activation');
    const [[oldCrew, work]] = [...teams(opened.tasks)] as [[string, Task[]]];
    const oldVehicle = work[0]!.vehicleId;
    const pass = work[0]!.pass;
    const busyBefore = await world.deps.bookings.listBusy();
    const freeCrew = world.city.crews.find((c) => c.certified.includes(pass) && !busyBefore.crewIds.has(c.id) && c.shift === undefined)!;
    const freeVehicle = world.city.vehicles.find((v) => v.class === pass && v.status === 'ready' && !busyBefore.vehicleIds.has(v.id))!;
    for (const task of work) {
      const result = await reassignTask(world.deps, { activationId: opened.activation.id, taskCode: task.code, toCrewId: freeCrew.id, toVehicleId: freeVehicle.id, actor: 'officer-wang', reason: `${oldVehicle} out of agent` });
      expect(result.task).toMatchObject({ crewId: freeCrew.id, vehicleId: freeVehicle.id });
      expect(await bookingProblems(world, await world.deps.tasks.listTasks(opened.activation.id))).toEqual([]);
    }
    const busy = await world.deps.bookings.listBusy();
    expect(busy.crewIds.has(freeCrew.id) && busy.vehicleIds.has(freeVehicle.id)).toBe(true);
    expect(busy.crewIds.has(oldCrew) || busy.vehicleIds.has(oldVehicle)).toBe(false);
    const locks = (await lockItems(world)).filter((l) => l.crewId === freeCrew.id);
    expect(locks.map((l) => l.openTasks)).toEqual([work.length, work.length]);
  });

  it('plans an upgrade around the moved task without tasking its road again', async () => {
    const world = await plannerWorldInMemory();
    const { activation, tasks } = await activated(world, 'IV');
    const task = tasks[0]!;
    const other = [...teams(tasks)].find(([crew, list]) => crew !== task.crewId && list[0]!.pass === task.pass);
    if (other) await reassignTask(world.deps, { activationId: activation.id, taskCode: task.code, toCrewId: other[0], actor: 'officer-wang', reason: 'balance' });
    const zoneLevels = Object.fromEntries(world.city.zones.map((z) => [z.id, 'II' as const]));
    await planAndBook(world.deps, activation, zoneLevels);
    expect(await bookingProblems(world, await world.deps.tasks.listTasks(activation.id))).toEqual([]);
  });
});
