import type { Depot } from '../registry/Depot.ts';
import { codeUnitOrder } from './codeUnitOrder.ts';
import { crewAvailability } from './crewAvailability.ts';
import type { ModelContext, ModelCrew, ModelPair, ModelVehicle } from './PlanningModel.ts';
import type { PlannerInput } from './PlannerInput.ts';
import { planarKm } from './planarKm.ts';
import type { ResolvedPlannerSettings } from './resolvePlannerSettings.ts';
import type { Point } from './roadGeometry.ts';

export interface ModelTeams {
  crews: ModelCrew[];
  vehicles: ModelVehicle[];
  pairs: ModelPair[];
  pairsOfVehicle: number[][];
  pairsOfCrew: number[][];
  unavailableCrews: ModelContext['unavailableCrews'];
}

/** Where a depot (by id or name) is; without one, the zone's centre stands in. */
function depotLocator(input: PlannerInput): (depot: string, zoneId: string) => Point | undefined {
  const zoneById = new Map(input.zones.map((z) => [z.id, z]));
  const depotByKey = new Map<string, Depot>();
  for (const d of input.depots ?? []) {
    depotByKey.set(d.id, d);
    if (!depotByKey.has(d.name)) depotByKey.set(d.name, d);
  }
  return (depot, zoneId) => {
    const d = depotByKey.get(depot);
    if (d) return { lat: d.latitude, lon: d.longitude };
    const z = zoneById.get(zoneId);
    return z ? { lat: z.latitude, lon: z.longitude } : undefined;
  };
}

/**
 * Free crews with working time in the horizon, free ready vehicles, and who may drive what (same
 * zone, certified), with the time each team would have. Crews are compared only within their zone.
 */
export function modelTeams(input: PlannerInput, settings: ResolvedPlannerSettings, cosLat: number): ModelTeams {
  const { plan } = input;
  const busyCrewIds = input.busyCrewIds ?? new Set<string>();
  const busyVehicleIds = input.busyVehicleIds ?? new Set<string>();
  const locate = depotLocator(input);
  const km = (a: Point, b: Point) => settings.detourFactor * planarKm(a, b, cosLat);
  const crews: ModelCrew[] = [];
  const unavailableCrews: ModelContext['unavailableCrews'] = [];
  for (const crew of [...input.crews].sort((a, b) => codeUnitOrder(a.id, b.id))) {
    if (busyCrewIds.has(crew.id)) continue;
    const depot = locate(crew.depot, crew.zoneId);
    if (!depot) { unavailableCrews.push({ crew, reason: `zone ${crew.zoneId} unknown` }); continue; }
    const a = crewAvailability(crew, input.startAt, plan.shiftHours, plan.timeZone, settings.maxDutyHours);
    if (!a.available) { unavailableCrews.push({ crew, reason: a.reason }); continue; }
    crews.push({ crew, zoneId: crew.zoneId, fromH: a.fromH, toH: a.toH, depot });
  }
  const crewsOfZone = new Map<string, number[]>();
  crews.forEach((c, ci) => crewsOfZone.set(c.zoneId, [...(crewsOfZone.get(c.zoneId) ?? []), ci]));

  const vehicles: ModelVehicle[] = [];
  const pairs: ModelPair[] = [];
  const pairsOfVehicle: number[][] = [];
  const pairsOfCrew: number[][] = crews.map(() => []);
  for (const vehicle of [...input.vehicles].sort((a, b) => codeUnitOrder(a.id, b.id))) {
    if (vehicle.status !== 'ready' || busyVehicleIds.has(vehicle.id)) continue;
    const depot = locate(vehicle.depot, vehicle.zoneId);
    if (!depot) continue;
    const mine: number[] = [];
    for (const ci of crewsOfZone.get(vehicle.zoneId) ?? []) {
      const c = crews[ci]!;
      if (!c.crew.certified.includes(vehicle.class)) continue;
      const fromH = c.fromH + km(c.depot, depot) / plan.travelSpeedKmPerH;
      const hours = c.toH - fromH;
      if (hours <= 0) continue;
      mine.push(pairs.length);
      pairs.push({ crew: ci, vehicle: vehicles.length, fromH, hours });
    }
    if (mine.length === 0) continue;
    for (const p of mine) pairsOfCrew[pairs[p]!.crew]!.push(p);
    pairsOfVehicle.push(mine);
    vehicles.push({ vehicle, zoneId: vehicle.zoneId, depot, rate: vehicle.workRateLaneKmPerH });
  }
  return { crews, vehicles, pairs, pairsOfVehicle, pairsOfCrew, unavailableCrews };
}
