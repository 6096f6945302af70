import { GetCommand, PutCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { toTasks } from '../../../functions/core/activation/toTasks.ts';
import type { Task } from '../../../functions/core/operations/Task.ts';
import type { Team } from '../../../functions/core/planner/PlanTypes.ts';
import { OPEN_LANES, operationsKeys } from '../../../functions/config/operationsKeys.ts';
import { bookingProblems, lockItems, plannerWorld, type PlannerWorld } from '../../support/plannerWorld.ts';

const AT = '2026-12-14T00:00:00.000Z';

/** A team of `n` tasks on synthetic road passes (road ids R-<prefix>-<i>), planned times 5 minutes apart. */
function team(crewId: string, vehicleId: string, n: number, prefix: string): Team {
  return {
    crewId, vehicleId, vehicleLabel: `豫H${vehicleId}`, vehicleClass: 'plough', depot: '解放区环卫车场', lent: false,
    tasks: Array.from({ length: n }, (_, i) => ({
      roadId: `R-${prefix}-${i}`, roadName: `路${prefix}${i}`, zoneId: 'jiefang', tier: 2 as const, pass: 'plough' as const, laneKm: 1, sequence: i + 1,
      startBy: new Date(Date.parse(AT) + i * 300_000).toISOString(), passableAt: new Date(Date.parse(AT) + (i * 300_000 + 240_000)).toISOString(), travelKm: 0.5,
    })),
  };
}

/** The activation's record and, while open, its open marks (bookings hold only while it is); written directly, as several are open at once here. */
async function openActivation(world: PlannerWorld, activationId: string, status: 'open' | 'stood-down' = 'open'): Promise<void> {
  await world.db.send(new PutCommand({ TableName: world.names.OPERATIONS_TABLE, Item: { pk: `ACT#${activationId}`, sk: 'META', id: activationId, status, wave: 1 } }));
  if (status !== 'open') return;
  for (let lane = 0; lane < OPEN_LANES; lane++) await world.db.send(new PutCommand({ TableName: world.names.OPERATIONS_TABLE, Item: { ...operationsKeys.openLane(activationId, lane), activationId } }));
}

/** The keys (pk|sk) of the items in every booking transaction sent, one set per transaction. */
function watchBookingKeys(world: PlannerWorld): Set<string>[] {
  const sent: Set<string>[] = [];
  world.db.middlewareStack.add((next, context) => async (args) => {
    const items = (args.input as TransactWriteCommandInput).TransactItems ?? [];
    if (/^TransactWrite(Items)?Command$/.test(context.commandName ?? '') && !isBoardVersionBump(items)) {
      const keyOf = (k: Record<string, unknown> | undefined) => `${String(k?.pk)}|${String(k?.sk)}`;
      sent.push(new Set(items.map((i) => keyOf(i.Put?.Item ?? i.Update?.Key ?? i.Delete?.Key ?? i.ConditionCheck?.Key))));
    }
    return next(args);
  }, { step: 'initialize', name: `watch-keys-${Math.random()}` });
  return sent;
}

async function book(world: PlannerWorld, t: Team, activationId = 'act-1'): Promise<{ tasks: Task[]; result: Awaited<ReturnType<PlannerWorld['deps']['bookings']['bookTeam']>> }> {
  await openActivation(world, activationId);
  const first = await world.deps.tasks.reserveTaskCodes(activationId, t.tasks.length);
  const tasks = toTasks(t, activationId, first, 1, AT);
  return { tasks, result: await world.deps.bookings.bookTeam(tasks) };
}

/** The board version's own transaction (a counter shard and its change, operationsKeys.boardVersion), which every write that moves a task sends after it. */
const isBoardVersionBump = (items: NonNullable<TransactWriteCommandInput['TransactItems']>) =>
  items.every((item) => String((item.Update?.Key ?? item.Put?.Item ?? {}).pk ?? '').startsWith('BOARDVERSION#'));

/** Records the size of every transaction the document client sends, but the board version's bumps. */
function watchTransactions(world: PlannerWorld): number[] {
  const sizes: number[] = [];
  world.db.middlewareStack.add((next, context) => async (args) => {
    const items = (args.input as TransactWriteCommandInput).TransactItems ?? [];
    if (/^TransactWrite(Items)?Command$/.test(context.commandName ?? '') && !isBoardVersionBump(items)) sizes.push(items.length);
    return next(args);
  }, { step: 'initialize', name: `watch-${Math.random()}` });
  return sizes;
}

describe('bookings on DynamoDB Local', () => {
  it('books a team of 130 tasks in transactions of at most 100 items, and counts them on its locks', async () => {
    const world = await plannerWorld();
    const sizes = watchTransactions(world);
    const { tasks, result } = await book(world, team('C01', 'V01', 130, 'a'));
    expect(result).toEqual({ ok: true });
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect((await world.deps.tasks.listTasks('act-1')).length).toBe(130);
    const locks = await lockItems(world);
    expect(locks.map((l) => [l.sk, l.openTasks, l.complete])).toEqual([['CREW#C01', 130, true], ['VEHICLE#V01', 130, true]]);
    expect(await bookingProblems(world, await world.deps.tasks.listTasks('act-1'))).toEqual([]);
    expect(tasks.at(-1)!.code).toBe('T130');
  });

  it('leaves nothing of a long team behind when a later chunk finds a road pass already tasked', async () => {
    const world = await plannerWorld();
    const other = team('C02', 'V02', 1, 'b');
    other.tasks[0]!.roadId = 'R-a-120';
    expect((await book(world, other)).result).toEqual({ ok: true });
    const { result } = await book(world, team('C01', 'V01', 130, 'a'));
    expect(result).toEqual({ ok: false, reason: 'road pass 路a120 (plough) is already tasked in this activation' });
    const left = await world.deps.tasks.listTasks('act-1');
    expect(left.map((t) => t.crewId)).toEqual(['C02']);
    expect((await lockItems(world)).map((l) => l.sk)).toEqual(['CREW#C02', 'VEHICLE#V02']);
  });

  it('refuses to book into an activation that is no longer open, and leaves nothing behind', async () => {
    const world = await plannerWorld();
    await openActivation(world, 'act-9', 'stood-down');
    const tasks = toTasks(team('C01', 'V01', 2, 'a'), 'act-9', 0, 1, AT);
    const result = await world.deps.bookings.bookTeam(tasks);
    expect(result).toEqual({ ok: false, reason: 'activation act-9 is no longer open' });
    expect([await world.deps.tasks.listTasks('act-9'), await lockItems(world)]).toEqual([[], []]);
  });

  it('books into an activation opened before the open marks existed (a deploy during a storm), writing its marks first', async () => {
    const world = await plannerWorld();
    await world.db.send(new PutCommand({ TableName: world.names.OPERATIONS_TABLE, Item: { pk: 'ACT#act-old', sk: 'META', id: 'act-old', status: 'open', wave: 1 } }));
    const tasks = toTasks(team('C01', 'V01', 2, 'o'), 'act-old', 0, 1, AT);

    const result = await world.deps.bookings.bookTeam(tasks, 3);

    const marks = await Promise.all(Array.from({ length: OPEN_LANES }, (_, lane) => world.db.send(new GetCommand({ TableName: world.names.OPERATIONS_TABLE, Key: operationsKeys.openLane('act-old', lane) }))));
    expect({ result, booked: (await world.deps.tasks.listTasks('act-old')).length, marks: marks.filter((m) => m.Item).length }).toEqual({ result: { ok: true }, booked: 2, marks: OPEN_LANES });
  });

  it('writes no open marks for a closed activation that has none, and still refuses its booking', async () => {
    const world = await plannerWorld();
    await openActivation(world, 'act-8', 'stood-down');
    const tasks = toTasks(team('C01', 'V01', 2, 'c'), 'act-8', 0, 1, AT);

    const result = await world.deps.bookings.bookTeam(tasks, 3);

    const mark = await world.db.send(new GetCommand({ TableName: world.names.OPERATIONS_TABLE, Key: operationsKeys.openLane('act-8', 3) }));
    expect({ result, mark: mark.Item }).toEqual({ result: { ok: false, reason: 'activation act-8 is no longer open' }, mark: undefined });
  });

  it('books teams sent at once in different lanes with no item in common, so that none is cancelled for another', async () => {
    const world = await plannerWorld();
    await openActivation(world, 'act-1');
    const first = await world.deps.tasks.reserveTaskCodes('act-1', 8 * 3);
    const teams = Array.from({ length: 8 }, (_, i) => toTasks(team(`C0${i}`, `V0${i}`, 3, `l${i}`), 'act-1', first + 3 * i, 1, AT));
    const sent = watchBookingKeys(world);

    const results = await Promise.all(teams.map((tasks, lane) => world.deps.bookings.bookTeam(tasks, lane)));

    const shared = sent.flatMap((keys, i) => [...keys].filter((k) => sent.some((other, j) => j !== i && other.has(k))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(sent).toHaveLength(8);
    expect([...new Set(shared)]).toEqual([]);
  });

  it('refuses a booking in any lane once the activation is closed', async () => {
    const world = await plannerWorld();
    const opened = { id: 'act-7', level: 'II' as const, zoneLevels: {}, status: 'open' as const, openedAt: AT, openedBy: 'duty-officer', reason: 'test', evidenceCount: 0, wave: 1 };
    await world.deps.activations.createActivation(opened, []);
    await world.deps.activations.closeActivation('act-7', { closedAt: AT, closedBy: 'duty-officer', closeReason: 'snow over' });

    const results = await Promise.all([0, 3, 7].map((lane, i) => world.deps.bookings.bookTeam(toTasks(team(`C1${i}`, `V1${i}`, 1, `z${i}`), 'act-7', i, 1, AT), lane)));

    expect(results).toEqual([0, 3, 7].map(() => ({ ok: false, reason: 'activation act-7 is no longer open' })));
    expect([await world.deps.tasks.listTasks('act-7'), await lockItems(world)]).toEqual([[], []]);
  });

  it('refuses a second team for a booked crew, naming the crew', async () => {
    const world = await plannerWorld();
    await book(world, team('C01', 'V01', 2, 'a'));
    const { result } = await book(world, team('C01', 'V02', 2, 'b'));
    expect(result).toEqual({ ok: false, reason: 'crew C01 is already booked' });
  });

  it('never hands out a task code twice, even to callers at the same moment', async () => {
    const world = await plannerWorld();
    const firsts = await Promise.all(Array.from({ length: 10 }, () => world.deps.tasks.reserveTaskCodes('act-1', 3)));
    expect(new Set(firsts).size).toBe(10);
    expect([...firsts].sort((a, b) => a - b)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
  });
});

describe('release on DynamoDB Local', () => {
  it('keeps the crew and vehicle booked while one of the team\'s tasks is open', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 3, 'a'));
    await world.deps.tasks.transitionTask(tasks[0]!, 'planned', 'done', AT);
    await world.deps.tasks.transitionTask(tasks[1]!, 'planned', 'cancelled', AT);
    const busy = await world.deps.bookings.listBusy();
    expect([...busy.crewIds, ...busy.vehicleIds]).toEqual(['C01', 'V01']);
    expect((await lockItems(world)).map((l) => l.openTasks)).toEqual([1, 1]);
  });

  it('frees the crew and vehicle when the last open task is done, cancelled or cannot be done', async () => {
    for (const last of ['done', 'cancelled', 'cannot'] as const) {
      const world = await plannerWorld();
      const { tasks } = await book(world, team('C01', 'V01', 2, 'a'));
      await world.deps.tasks.transitionTask(tasks[0]!, 'planned', 'dispatched', AT);
      await world.deps.tasks.transitionTask({ ...tasks[0]!, state: 'dispatched' }, 'dispatched', 'done', AT);
      await world.deps.tasks.transitionTask(tasks[1]!, 'planned', last, AT);
      const busy = await world.deps.bookings.listBusy();
      expect([...busy.crewIds, ...busy.vehicleIds]).toEqual([]);
    }
  });

  it('lets a released crew be booked again', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 1, 'a'));
    await world.deps.tasks.transitionTask(tasks[0]!, 'planned', 'done', AT);
    expect((await book(world, team('C01', 'V01', 1, 'b'), 'act-2')).result).toEqual({ ok: true });
  });

  it('counts a task off only once when two closings race', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 2, 'a'));
    const results = await Promise.all([world.deps.tasks.transitionTask(tasks[0]!, 'planned', 'done', AT), world.deps.tasks.transitionTask(tasks[0]!, 'planned', 'cancelled', AT)]);
    expect(results.filter(Boolean).length).toBe(1);
    expect((await lockItems(world)).map((l) => l.openTasks)).toEqual([1, 1]);
  });
});

describe('a booking interrupted half-way (the writer crashed)', () => {
  it('is undone by the next planner run once it is stale, and a fresh one is left alone', async () => {
    const world = await plannerWorld();
    await openActivation(world, 'act-1');
    const sizes = watchTransactions(world);
    // Stop the writer after its first transaction, as a Lambda timeout would.
    world.db.middlewareStack.add((next, context) => async (args) => {
      if (/^TransactWrite/.test(context.commandName ?? '') && sizes.length > 1) throw Object.assign(new Error('Task timed out'), { name: 'TimeoutError' });
      return next(args);
    }, { step: 'initialize', name: 'crash-after-first-transaction' });
    const long = team('C01', 'V01', 130, 'a');
    const tasks = toTasks(long, 'act-1', 0, 1, AT);
    // Its undo fails too (the process is gone): what is written stays, marked incomplete.
    await expect(world.deps.bookings.bookTeam(tasks)).rejects.toThrow('Task timed out');
    world.db.middlewareStack.remove('crash-after-first-transaction');
    expect((await lockItems(world)).map((l) => l.complete)).toEqual([false, false]);
    expect(await world.deps.bookings.repairIncompleteBookings('2026-12-13T23:00:00.000Z')).toBe(0);
    expect(await world.deps.bookings.repairIncompleteBookings('2026-12-14T00:20:00.000Z')).toBe(1);
    expect(await world.deps.tasks.listTasks('act-1')).toEqual([]);
    expect(await lockItems(world)).toEqual([]);
  });
});

describe('closing a team\'s tasks together (stand-down, downgrade) on DynamoDB Local', () => {
  it('cancels a team\'s tasks in one transaction, frees its crew and vehicle, and gives back its road passes', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 18, 'a'));
    const sizes = watchTransactions(world);

    const closed = await world.deps.tasks.closeTasks(tasks, 'cancelled', AT);

    expect(closed.map((t) => [t.code, t.state])).toEqual(tasks.map((t) => [t.code, 'cancelled']));
    expect(sizes).toEqual([18 * 2 + 2]);
    expect(await lockItems(world)).toEqual([]);
    expect((await book(world, team('C02', 'V02', 18, 'a'))).result).toEqual({ ok: true });
  });

  it('counts a partial close off the team\'s locks, keeping them while other tasks are open', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 5, 'a'));

    await world.deps.tasks.closeTasks(tasks.slice(0, 3), 'cancelled', AT);

    expect((await lockItems(world)).map((l) => [l.sk, l.openTasks])).toEqual([['CREW#C01', 2], ['VEHICLE#V01', 2]]);
    expect(await bookingProblems(world, await world.deps.tasks.listTasks('act-1'))).toEqual([]);
  });

  it('closes a team of 130 tasks in transactions of at most 100 items', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 130, 'a'));
    const sizes = watchTransactions(world);

    const closed = await world.deps.tasks.closeTasks(tasks, 'cancelled', AT);

    expect(closed).toHaveLength(130);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(await lockItems(world)).toEqual([]);
  });

  it('leaves a task a reply moved meanwhile as the reply left it, and closes the rest', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 4, 'a'));
    // Read as planned by the stand-down; the leader's "3 done" lands on the second task first.
    await world.deps.tasks.transitionTask(tasks[1]!, 'planned', 'done', AT);

    const closed = await world.deps.tasks.closeTasks(tasks, 'cancelled', AT);

    expect(closed.map((t) => t.code)).toEqual([tasks[0]!.code, tasks[2]!.code, tasks[3]!.code]);
    expect((await world.deps.tasks.listTasks('act-1')).map((t) => t.state)).toEqual(['cancelled', 'done', 'cancelled', 'cancelled']);
    expect(await lockItems(world)).toEqual([]);
  });

  it('closes nothing once the activation has been upgraded past the wave the caller read', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 3, 'a'));

    const closed = await world.deps.tasks.closeTasks(tasks, 'cancelled', AT, { wave: 0 });

    expect(closed).toEqual([]);
    expect((await world.deps.tasks.listTasks('act-1')).map((t) => t.state)).toEqual(['planned', 'planned', 'planned']);
    expect((await lockItems(world)).map((l) => l.openTasks)).toEqual([3, 3]);
  });

  it('counts each task off once when a stand-down\'s close races the leader\'s replies', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 6, 'a'));

    const [closed, ...replies] = await Promise.all([
      world.deps.tasks.closeTasks(tasks, 'cancelled', AT),
      ...tasks.filter((_, i) => i % 2 === 0).map((t) => world.deps.tasks.transitionTask(t, 'planned', 'done', AT)),
    ]);

    expect(closed.length + replies.filter(Boolean).length).toBe(6);
    expect(await lockItems(world)).toEqual([]);
    expect(await bookingProblems(world, await world.deps.tasks.listTasks('act-1'))).toEqual([]);
  });
});

describe('closing a team\'s tasks as done on DynamoDB Local', () => {
  it('keeps the road passes claimed, so a done pass is not tasked again in the activation', async () => {
    const world = await plannerWorld();
    const { tasks } = await book(world, team('C01', 'V01', 3, 'a'));

    await world.deps.tasks.closeTasks(tasks, 'done', AT);

    expect(await lockItems(world)).toEqual([]);
    expect((await book(world, team('C02', 'V02', 1, 'a'))).result).toEqual({ ok: false, reason: 'road pass 路a0 (plough) is already tasked in this activation' });
  });
});
