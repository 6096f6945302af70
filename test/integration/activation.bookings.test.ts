import { describe, expect, it } from 'vitest';
import { activate } from '../../functions/core/activation/activate.ts';
import { planAndBook } from '../../functions/core/activation/planAndBook.ts';
import { demoCityInMemory } from '../support/demoCity.ts';

const allAtII = (zones: { id: string }[]) => Object.fromEntries(zones.map((z) => [z.id, 'II' as const]));

describe('activation bookings (on the in-memory twins)', () => {
  it('writes a task for each booked road pass, tier 1 roads among them', async () => {
    const { deps, city } = await demoCityInMemory();
    const result = await activate(deps, { level: 'II', zoneLevels: allAtII(city.zones), actor: 'officer-li', reason: 'drill', evidence: [] });
    if (result.outcome !== 'activated') throw new Error('expected a new activation');
    const stored = await deps.tasks.listTasks(result.activation.id);
    expect(stored.map((t) => t.id).sort()).toEqual(result.tasks.map((t) => t.id).sort());
    expect(stored.some((t) => t.tier === 1)).toBe(true);
  });

  it('refuses a second open activation while one is open', async () => {
    const { deps, city } = await demoCityInMemory();
    const first = await activate(deps, { level: 'II', zoneLevels: allAtII(city.zones), actor: 'officer-li', reason: 'drill', evidence: [] });
    const second = await activate(deps, { level: 'II', zoneLevels: allAtII(city.zones), actor: 'officer-wang', reason: 'drill', evidence: [] });
    expect(second.outcome).toBe('already-open');
    expect(second.activation.id).toBe(first.activation.id);
  });

  it('does not give a crew or vehicle already on a task to another booking', async () => {
    const { deps, city } = await demoCityInMemory();
    const first = await activate(deps, { level: 'II', zoneLevels: allAtII(city.zones), actor: 'officer-li', reason: 'drill', evidence: [] });
    if (first.outcome !== 'activated') throw new Error('expected a new activation');
    const busyCrews = new Set(first.tasks.map((t) => t.crewId));
    const busyVehicles = new Set(first.tasks.map((t) => t.vehicleId));
    // A second planning round against the same activation sees every crew and vehicle booked.
    const more = await planAndBook(deps, { ...first.activation, id: `${first.activation.id}-b` }, Object.fromEntries(city.zones.map((z) => [z.id, 'I' as const])));
    expect(more.tasks.filter((t) => busyCrews.has(t.crewId) || busyVehicles.has(t.vehicleId))).toEqual([]);
  });

  it('keeps every crew and vehicle on one team when bookings race', async () => {
    const { deps, city } = await demoCityInMemory();
    const first = await activate(deps, { level: 'II', zoneLevels: allAtII(city.zones), actor: 'poller', reason: 'storm', evidence: [] });
    const racers = await Promise.all(
      [1, 2, 3, 4].map((n) => planAndBook(deps, { ...first.activation, id: `race-${n}` }, Object.fromEntries(city.zones.map((z) => [z.id, 'I' as const])))),
    );
    const all = [...(first.outcome === 'activated' ? first.tasks : []), ...racers.flatMap((r) => r.tasks)];
    const teamOfCrew = new Map<string, string>();
    const teamOfVehicle = new Map<string, string>();
    for (const t of all) {
      const team = `${t.activationId}/${t.crewId}/${t.vehicleId}`;
      expect(teamOfCrew.get(t.crewId) ?? team).toBe(team);
      expect(teamOfVehicle.get(t.vehicleId) ?? team).toBe(team);
      teamOfCrew.set(t.crewId, team);
      teamOfVehicle.set(t.vehicleId, team);
    }
  });

  it('frees a crew and its vehicle when its last open task is done', async () => {
    const { deps, city } = await demoCityInMemory();
    const result = await activate(deps, { level: 'II', zoneLevels: allAtII(city.zones), actor: 'officer-li', reason: 'drill', evidence: [] });
    if (result.outcome !== 'activated') throw new Error('expected a new activation');
    const crewId = result.tasks[0]!.crewId;
    for (const t of result.tasks.filter((x) => x.crewId === crewId)) await deps.tasks.transitionTask(t, 'planned', 'done', deps.clock.now().toISOString());
    const busy = await deps.bookings.listBusy();
    expect(busy.crewIds.has(crewId)).toBe(false);
    expect(busy.vehicleIds.has(result.tasks[0]!.vehicleId)).toBe(false);
  });
});
