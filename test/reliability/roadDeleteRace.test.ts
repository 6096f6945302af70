// Promise attacked (issue 14, defect 4): "a road on open tasks cannot be deleted", when the delete and a
// booking on the road race. Each round deletes one road of the demo city while a team is booked onto it; the
// booking starts at a seeded point of the delete (before its n-th call to a store, n seeded) and then runs
// concurrently with the rest of it, five rounds at once. Afterwards the road is either kept (409, its task
// stays) or deleted with no task on it. On DynamoDB Local, through the real adapters.
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { ConflictError } from '../../functions/core/errors/ConflictError.ts';
import { OPEN_TASK_STATES } from '../../functions/core/operations/Task.ts';
import { seededRandom } from '../../functions/core/planner/random.ts';
import { deleteRegistryRecord } from '../../functions/core/registry/editRegistry.ts';
import { openActivation, task } from '../contract/support/records.ts';
import { seededDemoCity } from '../support/demoCity.ts';

const ROUNDS = 15;
/** Rounds raced at once (each on its own road and team). */
const AT_ONCE = 5;
/** The booking starts before one of the delete's first calls to a store (it makes five to seven). */
const START_POINTS = 7;
const ACTIVATION = 'race-act';

type Seeded = Awaited<ReturnType<typeof seededDemoCity>>;
let seeded: Seeded;
beforeAll(async () => {
  seeded = await seededDemoCity();
  await seeded.deps.activations.createActivation(openActivation(ACTIVATION, { openedAt: seeded.clock.now().toISOString() }), []);
});

/** `target` whose every method call first counts itself and, at call number `at`, starts `start`. */
function startingAt<T extends object>(target: T, calls: { n: number; at: number; start: () => void }): T {
  return new Proxy(target, {
    get: (obj, prop) => {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (calls.n++ === calls.at) calls.start();
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

/** Every port of `deps` watched by startingAt. */
function watchingAll<T extends object>(deps: T, calls: { n: number; at: number; start: () => void }): T {
  const watched: Record<string, unknown> = {};
  for (const [name, port] of Object.entries(deps)) watched[name] = typeof port === 'object' && port !== null ? startingAt(port as object, calls) : port;
  return watched as T;
}

/** Deletes road `roadId`, starting a booking onto it before the delete's `startAt`-th store call; says what each side saw. */
async function race(roadId: string, round: number, startAt: number): Promise<{ deleted: boolean; booked: boolean }> {
  const { deps, clock, tables } = seeded;
  const booking = task(round, 1, { id: `race-${round}`, activationId: ACTIVATION, roadId, crewId: `RC${round}`, vehicleId: `RV${round}`, updatedAt: clock.now().toISOString() });
  let booked: Promise<boolean> | undefined;
  const calls = { n: 0, at: startAt, start: () => { booked = deps.bookings.bookTeam([booking]).then((r) => r.ok); } };
  const watched = watchingAll({ ...deps, registryAdmin: new DynamoRegistryStore(tables.db, tables.names.REGISTRY_TABLE) }, calls);
  const deleted = await deleteRegistryRecord(watched, 'roads', roadId, 'admin').then(() => true, (error: unknown) => {
    if (error instanceof ConflictError) return false;
    throw error;
  });
  return { deleted, booked: await (booked ?? deps.bookings.bookTeam([booking]).then((r) => r.ok)) };
}

describe('Deleting a road while a booking on it lands (issue 14, defect 4, DynamoDB Local)', () => {
  it(`leaves no open task on a deleted road in ${ROUNDS} seeded rounds, ${AT_ONCE} at a time`, async () => {
    const random = seededRandom(14);
    const roads = seeded.city.roads.slice(0, ROUNDS).map((r) => r.id);
    const outcomes: { road: string; deleted: boolean; booked: boolean }[] = [];
    for (let first = 0; first < roads.length; first += AT_ONCE) {
      const batch = roads.slice(first, first + AT_ONCE).map((road, i) => ({ road, round: first + i + 1, startAt: Math.floor(random() * START_POINTS) }));
      outcomes.push(...(await Promise.all(batch.map(async ({ road, round, startAt }) => ({ road, ...(await race(road, round, startAt)) })))));
    }
    const left = new Set((await seeded.deps.registry.listRoads()).map((r) => r.id));
    const tasks = (await seeded.deps.tasks.listTasks(ACTIVATION)).filter((t) => OPEN_TASK_STATES.includes(t.state));
    const orphans = tasks.filter((t) => !left.has(t.roadId)).map((t) => t.roadId);
    // Both outcomes must occur, or the race was not run: some deletes win, some bookings win.
    const summary = { deletedRoads: outcomes.filter((o) => o.deleted).length, bookedRoads: outcomes.filter((o) => o.booked).length };
    console.log(`road delete race: ${ROUNDS} rounds, ${summary.deletedRoads} deleted, ${summary.bookedRoads} booked, ${orphans.length} tasks on deleted roads`);
    expect({ orphans, someDeleted: summary.deletedRoads > 0, someBooked: summary.bookedRoads > 0 }).toEqual({ orphans: [], someDeleted: true, someBooked: true });
  }, 60_000); // about 100 DynamoDB Local round trips: 14 s at a load average of 28 on 2 cores
});
