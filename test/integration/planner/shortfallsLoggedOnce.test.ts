import { describe, expect, it } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { planAndBook } from '../../../functions/core/activation/planAndBook.ts';
import type { TeamBookings } from '../../../functions/core/ports/TeamBookings.ts';
import { plannerWorldInMemory, type PlannerMemoryWorld } from '../../support/plannerWorld.ts';

/** The demo city activated at level I. */
async function activatedAtLevelI(world: PlannerMemoryWorld) {
  const zoneLevels = Object.fromEntries(world.city.zones.map((z) => [z.id, 'I' as const]));
  const result = await activate(world.deps, { level: 'I', zoneLevels, actor: 'officer-wang', reason: 'red blizzard warning', evidence: [] });
  if (result.outcome !== 'activated') throw new Error('expected a new activation');
  return { ...result, zoneLevels };
}

async function shortfallEntries(world: PlannerMemoryWorld, activationId: string): Promise<string[]> {
  return (await world.deps.log.list(activationId)).filter((e) => e.action === 'road.shortfall').map((e) => `${e.subject}#${String(e.details.pass)}`);
}

/** The store with every crew counted busy, as a replacement plan sees it when nobody else is free. */
function everyCrewBusy(world: PlannerMemoryWorld): TeamBookings {
  const ops = world.deps.bookings;
  return Object.assign(Object.create(ops) as TeamBookings, {
    listBusy: async () => ({ crewIds: new Set(world.city.crews.map((c) => c.id)), vehicleIds: (await ops.listBusy()).vehicleIds }),
  });
}

describe('shortfalls in the response log (on the in-memory twins)', () => {
  it('logs a road pass given back and still short once, however often the activation is planned again', async () => {
    const world = await plannerWorldInMemory();
    const { activation, tasks, zoneLevels } = await activatedAtLevelI(world);
    const crewTasks = tasks.filter((t) => t.crewId === tasks[0]!.crewId);
    await world.deps.tasks.closeTasks(crewTasks, 'cannot', world.clock.now().toISOString());
    const busy = { ...world.deps, bookings: everyCrewBusy(world) };

    const runs = [await planAndBook(busy, activation, zoneLevels), await planAndBook(busy, activation, zoneLevels), await planAndBook(busy, activation, zoneLevels)];

    expect(runs.map((r) => r.shortfalls.length)).toEqual([crewTasks.length, crewTasks.length, crewTasks.length]);
    const logged = await shortfallEntries(world, activation.id);
    expect(logged.sort()).toEqual(crewTasks.map((t) => `road:${t.roadId}#${t.pass}`).sort());
  });
});
