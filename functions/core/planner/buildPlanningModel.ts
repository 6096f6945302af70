import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { Depot } from '../registry/Depot.ts';
import { crewAvailability } from './crewAvailability.ts';
import type { ModelCrew, ModelPair, ModelTask, ModelVehicle, PlanningModel } from './PlanningModel.ts';
import type { PlannerInput } from './PlannerInput.ts';
import { cityCosLat, planarKm } from './planarKm.ts';
import { resolvePlannerSettings } from './resolvePlannerSettings.ts';
import { passesAt, roadEnds, type Point } from './roadGeometry.ts';
import { roadsInScope } from './roadsInScope.ts';

/** Materials run out on these passes; a vehicle with a load size reloads at its depot. */
const MATERIAL_PASSES: ReadonlySet<EquipmentClass> = new Set(['spreader', 'snow-melter']);

export interface ModelOptions {
  /** Keep at most this many candidate vehicles per task (the cheapest); default 48. */
  maxCandidates?: number;
}

/** Builds the planning model: road passes in scope, free ready vehicles, available crews, who may do what. */
export function buildPlanningModel(input: PlannerInput, options: ModelOptions = {}): PlanningModel {
  const { plan } = input;
  const settings = resolvePlannerSettings(plan);
  const maxCandidates = options.maxCandidates ?? 48;
  const busyCrewIds = input.busyCrewIds ?? new Set<string>();
  const busyVehicleIds = input.busyVehicleIds ?? new Set<string>();
  const covered = input.coveredPasses ?? new Set<string>();
  const horizonH = plan.shiftHours;
  const speed = plan.travelSpeedKmPerH;
  const detour = settings.detourFactor;
  const cosLat = cityCosLat(input.zones.map((z) => z.latitude));
  const km = (a: Point, b: Point) => detour * planarKm(a, b, cosLat);

  const zoneById = new Map(input.zones.map((z) => [z.id, z]));
  const depotByKey = new Map<string, Depot>();
  for (const d of input.depots ?? []) {
    depotByKey.set(d.id, d);
    if (!depotByKey.has(d.name)) depotByKey.set(d.name, d);
  }
  const locate = (depot: string, zoneId: string): Point | undefined => {
    const d = depotByKey.get(depot);
    if (d) return { lat: d.latitude, lon: d.longitude };
    const z = zoneById.get(zoneId);
    return z ? { lat: z.latitude, lon: z.longitude } : undefined;
  };

  const [w1, w2, w3] = settings.weights.unassignedLaneKm;
  const tierWeight = [0, w1, w2, w3];
  const tasks: ModelTask[] = [];
  for (const road of roadsInScope(plan, input.roads, input.zoneLevels)) {
    const level = input.zoneLevels[road.zoneId] ?? 'none';
    const { entry, exit } = roadEnds(road);
    const target = level === 'none' ? undefined : road.targetHoursByLevel?.[level];
    for (const pass of passesAt(road, level)) {
      if (covered.has(`${road.id}#${pass}`)) continue;
      tasks.push({ road, pass, tier: road.tier, laneKm: road.laneKm, zoneId: road.zoneId, penalty: tierWeight[road.tier]! * road.laneKm, entry, exit, ...(target !== undefined ? { targetH: target } : {}) });
    }
  }

  const crews: ModelCrew[] = [];
  const unavailableCrews: { crew: PlannerInput['crews'][number]; reason: string }[] = [];
  for (const crew of [...input.crews].sort((a, b) => a.id.localeCompare(b.id))) {
    if (busyCrewIds.has(crew.id)) continue;
    const depot = locate(crew.depot, crew.zoneId);
    if (!depot) { unavailableCrews.push({ crew, reason: `zone ${crew.zoneId} unknown` }); continue; }
    const a = crewAvailability(crew, input.startAt, horizonH, plan.timeZone, settings.maxDutyHours);
    if (!a.available) { unavailableCrews.push({ crew, reason: a.reason }); continue; }
    crews.push({ crew, zoneId: crew.zoneId, fromH: a.fromH, toH: a.toH, depot });
  }

  const vehicles: ModelVehicle[] = [];
  const pairs: ModelPair[] = [];
  const pairsOfVehicle: number[][] = [];
  const pairsOfCrew: number[][] = crews.map(() => []);
  for (const vehicle of [...input.vehicles].sort((a, b) => a.id.localeCompare(b.id))) {
    if (vehicle.status !== 'ready' || busyVehicleIds.has(vehicle.id)) continue;
    const depot = locate(vehicle.depot, vehicle.zoneId);
    if (!depot) continue;
    const mine: number[] = [];
    crews.forEach((c, ci) => {
      if (c.zoneId !== vehicle.zoneId || !c.crew.certified.includes(vehicle.class)) return;
      const fromH = c.fromH + km(c.depot, depot) / speed;
      const hours = c.toH - fromH;
      if (hours <= 0) return;
      mine.push(pairs.length);
      pairs.push({ crew: ci, vehicle: vehicles.length, fromH, hours });
    });
    if (mine.length === 0) continue;
    for (const p of mine) pairsOfCrew[pairs[p]!.crew]!.push(p);
    pairsOfVehicle.push(mine);
    vehicles.push({ vehicle, zoneId: vehicle.zoneId, depot, rate: vehicle.workRateLaneKmPerH });
  }

  const maxHours = Float64Array.from(vehicles, (_, v) => Math.max(...pairsOfVehicle[v]!.map((p) => pairs[p]!.hours)));
  const byClass = new Map<EquipmentClass, number[]>();
  vehicles.forEach((mv, v) => {
    const list = byClass.get(mv.vehicle.class) ?? [];
    list.push(v);
    byClass.set(mv.vehicle.class, list);
  });

  const wD = settings.weights.deadheadKm;
  const reloadH = settings.reloadMinutes / 60;
  const candStart = new Int32Array(tasks.length + 1);
  const cV: number[] = [];
  const cH: number[] = [];
  const cK: number[] = [];
  const cL: number[] = [];
  const cC: number[] = [];
  // Planar coordinates (km, detour included) so the candidate loop is plain arithmetic.
  const sx = detour * cosLat * 111.195;
  const sy = detour * 111.195;
  // Vehicles of a class grouped by depot (and zone): a depot's vehicles are equally far from a road,
  // so depots are ranked first and only the nearest are opened up, vehicle by vehicle.
  interface DepotGroup { x: number; y: number; zoneId: string; members: number[] }
  const groupsByClass = new Map<EquipmentClass, DepotGroup[]>();
  for (const [cls, list] of byClass) {
    const groups = new Map<string, DepotGroup>();
    for (const v of list) {
      const mv = vehicles[v]!;
      const key = `${mv.depot.lat},${mv.depot.lon},${mv.zoneId}`;
      const g = groups.get(key) ?? { x: mv.depot.lon * sx, y: mv.depot.lat * sy, zoneId: mv.zoneId, members: [] };
      g.members.push(v);
      groups.set(key, g);
    }
    groupsByClass.set(cls, [...groups.values()]);
  }
  const lendCost = wD * settings.lendPenaltyKm;
  const optV: number[] = [];
  const optH: number[] = [];
  const optK: number[] = [];
  const optC: number[] = [];
  const optIdx: number[] = [];
  tasks.forEach((t, j) => {
    const ex = t.entry.lon * sx;
    const ey = t.entry.lat * sy;
    const xx = t.exit.lon * sx;
    const xy = t.exit.lat * sy;
    const agentFree = t.pass === 'spreader' && !t.road.agentAllowed;
    const usesMaterial = MATERIAL_PASSES.has(t.pass);
    const groups = groupsByClass.get(t.pass) ?? [];
    const trip = groups.map((g) => Math.sqrt((g.x - ex) ** 2 + (g.y - ey) ** 2) + Math.sqrt((g.x - xx) ** 2 + (g.y - xy) ** 2));
    // A lower bound on any member's cost: one round trip, plus lending.
    const bound = groups.map((g, i) => wD * trip[i]! + (g.zoneId === t.zoneId ? 0 : lendCost));
    const groupOrder = groups.map((_, i) => i).sort((a, b) => bound[a]! - bound[b]! || a - b);
    optV.length = 0; optH.length = 0; optK.length = 0; optC.length = 0;
    let kth = Infinity;
    for (const gi of groupOrder) {
      if (bound[gi]! > kth) break;
      const g = groups[gi]!;
      const lent = g.zoneId === t.zoneId ? 0 : 1;
      for (const v of g.members) {
        const mv = vehicles[v]!;
        if (agentFree && mv.vehicle.chlorideAgent) continue;
        const load = mv.vehicle.materialCapacityLaneKm;
        // Loading takes time in proportion to the material (reloadMinutes for a full load), so a task
        // is charged the loading of what it spreads; a road longer than a load needs extra round trips.
        // The driven route never loads more than it spreads, so it can only do better.
        const material = load !== undefined && usesMaterial;
        const trips = material ? Math.max(1, Math.ceil(t.laneKm / load)) : 1;
        const deadhead = trip[gi]! * trips;
        const hours = deadhead / speed + t.laneKm / mv.rate + (material ? (reloadH * t.laneKm) / load : 0);
        if (hours > maxHours[v]!) continue;
        optV.push(v); optH.push(hours); optK.push(deadhead); optC.push(wD * deadhead + lent * lendCost);
      }
      if (optC.length >= maxCandidates && kth === Infinity) kth = [...optC].sort((a, b) => a - b)[maxCandidates - 1]!;
    }
    const n = optV.length;
    optIdx.length = n;
    for (let i = 0; i < n; i++) optIdx[i] = i;
    optIdx.sort((a, b) => optC[a]! - optC[b]! || optV[a]! - optV[b]!);
    for (let i = 0; i < Math.min(n, maxCandidates); i++) {
      const o = optIdx[i]!;
      const v = optV[o]!;
      cV.push(v); cH.push(optH[o]!); cK.push(optK[o]!); cL.push(vehicles[v]!.zoneId === t.zoneId ? 0 : 1); cC.push(optC[o]!);
    }
    candStart[j + 1] = cV.length;
  });

  const vehStart = new Int32Array(vehicles.length + 1);
  for (const v of cV) vehStart[v + 1] = vehStart[v + 1]! + 1;
  for (let v = 0; v < vehicles.length; v++) vehStart[v + 1] = vehStart[v + 1]! + vehStart[v]!;
  const fillAt = vehStart.slice(0, vehicles.length);
  const vehTask = new Int32Array(cV.length);
  const vehCand = new Int32Array(cV.length);
  for (let j = 0; j < tasks.length; j++) {
    for (let k = candStart[j]!; k < candStart[j + 1]!; k++) {
      const v = cV[k]!;
      const at = fillAt[v]!;
      fillAt[v] = at + 1;
      vehTask[at] = j;
      vehCand[at] = k;
    }
  }

  return {
    startAt: input.startAt, horizonH, speedKmPerH: speed, cosLat, settings, tasks, vehicles, crews, pairs, pairsOfVehicle, pairsOfCrew,
    candStart, candVehicle: Int32Array.from(cV), candHours: Float64Array.from(cH), candKm: Float64Array.from(cK), candLent: Uint8Array.from(cL), candCost: Float64Array.from(cC),
    vehStart, vehTask, vehCand,
    context: { zones: input.zones, allVehicles: input.vehicles, busyVehicleIds, busyCrewIds, unavailableCrews, timeZone: plan.timeZone },
  };
}
