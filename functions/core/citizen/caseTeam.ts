import { moveRefusal } from '../activation/moveRefusal.ts';
import { distanceKm } from '../planner/distanceKm.ts';
import type { Crew } from '../registry/Crew.ts';
import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { Road } from '../registry/Road.ts';
import type { Vehicle } from '../registry/Vehicle.ts';
import type { CitizenCategory } from './CitizenCategory.ts';

/** Which pass answers each kind of report, best first: ice wants agent, snow a plough, a branch a loader. */
export const CASE_PASSES: Record<CitizenCategory, readonly EquipmentClass[]> = {
  'icy-road': ['spreader', 'snow-melter', 'plough'],
  meltwater: ['snow-melter', 'sweeper', 'spreader'],
  'uncleared-snow': ['plough', 'sweeper', 'loader', 'snow-melter'],
  'blocked-access': ['plough', 'loader', 'sweeper', 'snow-melter'],
  'fallen-branch': ['loader', 'sweeper', 'plough'],
  other: ['plough', 'spreader', 'sweeper', 'loader', 'snow-melter'],
};

/** The road a case is on: the nearest centre line (or point) to the pin, within the case's zone when it has one. */
export function nearestRoad(roads: readonly Road[], at: { lat: number; lon: number; zoneId?: string | undefined }): { road: Road; distanceM: number } | undefined {
  let best: { road: Road; distanceM: number } | undefined;
  for (const road of roads) {
    if (at.zoneId && road.zoneId !== at.zoneId) continue;
    const points = road.line ?? [[road.latitude, road.longitude] as const];
    const m = Math.min(...points.map(([lat, lon]) => distanceKm(at.lat, at.lon, lat, lon))) * 1000;
    if (!best || m < best.distanceM) best = { road, distanceM: Math.round(m) };
  }
  return best;
}

export type TeamChoice = { ok: true; pass: EquipmentClass; crew: Crew; vehicle: Vehicle } | { ok: false; reason: string };

/**
 * A free team for one pass on `road`, by the same rules as every booking (certified crew, ready vehicle of
 * the pass's class, no chloride where agent is banned; nobody already booked): the road's own zone first
 * (分片包干), then any, a crew and a vehicle of the same depot first.
 */
export function chooseCaseTeam(args: { road: Road; passes: readonly EquipmentClass[]; crews: readonly Crew[]; vehicles: readonly Vehicle[]; busy: { crewIds: Set<string>; vehicleIds: Set<string> } }): TeamChoice {
  const crews = args.crews.filter((c) => !args.busy.crewIds.has(c.id));
  const vehicles = args.vehicles.filter((v) => !args.busy.vehicleIds.has(v.id));
  const rank = (crew: Crew, vehicle: Vehicle) => (crew.zoneId === args.road.zoneId ? 0 : 2) + (vehicle.depot === crew.depot ? 0 : 1);
  for (const pass of args.passes) {
    let best: { crew: Crew; vehicle: Vehicle; rank: number } | undefined;
    for (const crew of crews) {
      for (const vehicle of vehicles) {
        if (moveRefusal({ code: 'case', pass }, args.road, crew, vehicle)) continue;
        const r = rank(crew, vehicle);
        if (!best || r < best.rank) best = { crew, vehicle, rank: r };
      }
    }
    if (best) return { ok: true, pass, crew: best.crew, vehicle: best.vehicle };
  }
  return { ok: false, reason: `no free crew certified for ${args.passes.join(' / ')} with a ready vehicle; the case waits for one` };
}
