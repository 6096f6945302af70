import { describe, expect, it } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import type { TeamBookings } from '../../../functions/core/ports/TeamBookings.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';

type City = Awaited<ReturnType<typeof demoCityInMemory>>;

const REQUEST = { level: 'I' as const, actor: 'poller', reason: 'red blizzard signal', evidence: [] };
const levels = (city: City) => Object.fromEntries(city.city.zones.map((z) => [z.id, 'I' as const]));
const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

/** The city's bookings, each taking a moment, with the most in flight at once and the lanes named kept (and the `failAt`-th one sent failing). */
function slowBookings(city: City, failAt = Infinity) {
  const inner = city.deps.bookings;
  const seen = { inFlight: 0, most: 0, sent: 0, lanes: new Set<number | undefined>() };
  const bookings: TeamBookings = {
    ...inner,
    bookTeam: async (tasks, lane) => {
      const n = ++seen.sent;
      seen.lanes.add(lane);
      seen.most = Math.max(seen.most, ++seen.inFlight);
      try {
        await tick();
        if (n === failAt) throw new Error('DynamoDB: InternalServerError');
        return await inner.bookTeam(tasks, lane);
      } finally {
        seen.inFlight--;
      }
    },
    unbookTeam: (tasks) => inner.unbookTeam(tasks),
    repairIncompleteBookings: (olderThan) => inner.repairIncompleteBookings(olderThan),
    reassignTask: (task, to, at) => inner.reassignTask(task, to, at),
    findCovers: (activationId, passes) => inner.findCovers(activationId, passes),
    listBusy: () => inner.listBusy(),
  };
  return { bookings, seen };
}

describe('a plan\'s teams are booked several at once (use cases on the in-memory twins)', () => {
  it('books the wave with more than one booking in flight, each in its own lane', async () => {
    const city = await demoCityInMemory();
    const { bookings, seen } = slowBookings(city);

    const result = await activate({ ...city.deps, bookings }, { ...REQUEST, zoneLevels: levels(city) });

    expect(result.outcome).toBe('activated');
    expect(seen.most).toBeGreaterThan(1);
    expect(seen.lanes.size).toBe(seen.most);
    expect(seen.lanes.has(undefined)).toBe(false);
  });

  it('never has two teams on the same road in flight at once, though the wave has such teams', async () => {
    const city = await demoCityInMemory();
    const inner = city.deps.bookings;
    const roadsInFlight = new Set<string>();
    const shared: string[] = [];
    const bookings: TeamBookings = {
      ...slowBookings(city).bookings,
      bookTeam: async (tasks, lane) => {
        const roads = [...new Set(tasks.map((t) => t.roadId))];
        shared.push(...roads.filter((r) => roadsInFlight.has(r)));
        for (const r of roads) roadsInFlight.add(r);
        try {
          await tick();
          return await inner.bookTeam(tasks, lane);
        } finally {
          for (const r of roads) roadsInFlight.delete(r);
        }
      },
    };

    const result = await activate({ ...city.deps, bookings }, { ...REQUEST, zoneLevels: levels(city) });

    const crewsOfRoad = new Map<string, Set<string>>();
    for (const t of result.outcome === 'activated' ? result.tasks : []) crewsOfRoad.set(t.roadId, (crewsOfRoad.get(t.roadId) ?? new Set()).add(t.crewId));
    expect([...crewsOfRoad.values()].some((crews) => crews.size > 1)).toBe(true);
    expect(shared).toEqual([]);
  });

  it('when one booking fails, starts no more, waits for those in flight and undoes every team it booked', async () => {
    const city = await demoCityInMemory();
    const { bookings, seen } = slowBookings(city, 3);

    const activating = activate({ ...city.deps, bookings }, { ...REQUEST, zoneLevels: levels(city) });

    await expect(activating).rejects.toThrow('InternalServerError');
    const busy = await city.deps.bookings.listBusy();
    expect(seen.inFlight).toBe(0);
    expect({ crews: busy.crewIds.size, vehicles: busy.vehicleIds.size }).toEqual({ crews: 0, vehicles: 0 });
  });
});
