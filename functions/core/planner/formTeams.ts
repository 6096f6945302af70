import type { Crew } from '../registry/Crew.ts';
import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { Vehicle } from '../registry/Vehicle.ts';

export interface TeamSeed {
  crew: Crew;
  vehicle: Vehicle;
}

/**
 * Pairs each free crew with a free ready vehicle it is certified for, own zone first, choosing the
 * class whose demand (lane-km) is least covered so far. Deterministic for the same input.
 */
export function formTeams(
  crews: readonly Crew[],
  vehicles: readonly Vehicle[],
  demandByClass: ReadonlyMap<EquipmentClass, number>,
): TeamSeed[] {
  const free = vehicles.filter((v) => v.status === 'ready').sort((a, b) => a.id.localeCompare(b.id));
  const taken = new Set<string>();
  const supply = new Map<EquipmentClass, number>();
  const seeds: TeamSeed[] = [];
  for (const crew of [...crews].sort((a, b) => a.id.localeCompare(b.id))) {
    const usable = free.filter((v) => !taken.has(v.id) && crew.certified.includes(v.class) && (demandByClass.get(v.class) ?? 0) > 0);
    if (usable.length === 0) continue;
    const pressure = (v: Vehicle) => (demandByClass.get(v.class) ?? 0) / (1 + (supply.get(v.class) ?? 0));
    usable.sort((a, b) => Number(b.zoneId === crew.zoneId) - Number(a.zoneId === crew.zoneId) || pressure(b) - pressure(a));
    const vehicle = usable[0]!;
    taken.add(vehicle.id);
    supply.set(vehicle.class, (supply.get(vehicle.class) ?? 0) + vehicle.workRateLaneKmPerH);
    seeds.push({ crew, vehicle });
  }
  return seeds;
}
