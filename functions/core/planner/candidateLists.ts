import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import { GridIndex } from './GridIndex.ts';
import type { ModelTask, ModelVehicle } from './PlanningModel.ts';
import type { ResolvedPlannerSettings } from './resolvePlannerSettings.ts';

/** Materials run out on these passes; a vehicle with a load size reloads at its depot. */
const MATERIAL_PASSES: ReadonlySet<EquipmentClass> = new Set(['spreader', 'snow-melter']);
const KM_PER_DEGREE = 111.195;

/** The (task, vehicle) candidates in CSR form: task j's are [candStart[j], candStart[j+1]). */
export interface CandidateLists {
  candStart: Int32Array;
  candVehicle: Int32Array;
  candHours: Float64Array;
  candKm: Float64Array;
  candLent: Uint8Array;
  candCost: Float64Array;
}

/** Vehicles of a class at one depot (and zone): equally far from any road. */
interface DepotGroup { x: number; y: number; zoneId: string; members: number[] }

function depotGroups(vehicles: readonly ModelVehicle[], sx: number, sy: number): Map<EquipmentClass, { groups: DepotGroup[]; grid: GridIndex }> {
  const byClass = new Map<EquipmentClass, Map<string, DepotGroup>>();
  vehicles.forEach((mv, v) => {
    const groups = byClass.get(mv.vehicle.class) ?? new Map<string, DepotGroup>();
    byClass.set(mv.vehicle.class, groups);
    const key = `${mv.depot.lat},${mv.depot.lon},${mv.zoneId}`;
    const g = groups.get(key) ?? { x: mv.depot.lon * sx, y: mv.depot.lat * sy, zoneId: mv.zoneId, members: [] };
    g.members.push(v);
    groups.set(key, g);
  });
  return new Map([...byClass].map(([cls, groups]) => {
    const list = [...groups.values()];
    return [cls, { groups: list, grid: new GridIndex(list.map((g) => g.x), list.map((g) => g.y)) }];
  }));
}

/**
 * Each task's cheapest `maxCandidates` vehicles of its class that could do it within a crew's hours:
 * charged the round trip from the vehicle's depot (and for material, the loading of what it spreads
 * and extra trips for roads longer than a load). Depots are visited nearest first through a grid: a
 * ring farther than the k-th cheapest candidate found (a round trip is at least twice the distance
 * to the road's midpoint) or than any crew's hours ends the search, so a task looks at the depots
 * near it, not at every depot of the city.
 */
export function candidateLists(tasks: readonly ModelTask[], vehicles: readonly ModelVehicle[], maxHours: Float64Array, settings: ResolvedPlannerSettings, cosLat: number, speed: number, maxCandidates: number): CandidateLists {
  const wD = settings.weights.deadheadKm;
  const reloadH = settings.reloadMinutes / 60;
  const lendCost = wD * settings.lendPenaltyKm;
  // Planar coordinates (km, detour included) so the candidate loop is plain arithmetic.
  const sx = settings.detourFactor * cosLat * KM_PER_DEGREE;
  const sy = settings.detourFactor * KM_PER_DEGREE;
  const byClass = depotGroups(vehicles, sx, sy);
  const longest = maxHours.reduce((m, h) => Math.max(m, h), 0);
  const candStart = new Int32Array(tasks.length + 1);
  const cV: number[] = []; const cH: number[] = []; const cK: number[] = []; const cL: number[] = []; const cC: number[] = [];
  const optV: number[] = []; const optH: number[] = []; const optK: number[] = []; const optC: number[] = []; const optIdx: number[] = [];
  const scratch: number[] = [];
  tasks.forEach((t, j) => {
    const ex = t.entry.lon * sx; const ey = t.entry.lat * sy;
    const xx = t.exit.lon * sx; const xy = t.exit.lat * sy;
    const agentFree = t.pass === 'spreader' && !t.road.agentAllowed;
    const material = MATERIAL_PASSES.has(t.pass);
    const index = byClass.get(t.pass);
    optV.length = 0; optH.length = 0; optK.length = 0; optC.length = 0;
    let kth = Infinity;
    index?.grid.rings((ex + xx) / 2, (ey + xy) / 2, (ring, minKm) => {
      if (wD * 2 * minKm > kth || (2 * minKm) / speed > longest) return false;
      for (const gi of ring) {
        const g = index.groups[gi]!;
        const trip = Math.sqrt((g.x - ex) ** 2 + (g.y - ey) ** 2) + Math.sqrt((g.x - xx) ** 2 + (g.y - xy) ** 2);
        const lent = g.zoneId === t.zoneId ? 0 : 1;
        if (wD * trip + lent * lendCost > kth) continue;
        for (const v of g.members) {
          const mv = vehicles[v]!;
          if (agentFree && mv.vehicle.chlorideAgent) continue;
          const load = mv.vehicle.materialCapacityLaneKm;
          // Loading takes time in proportion to the material (reloadMinutes for a full load); a road
          // longer than a load needs extra round trips. The driven route never loads more than it spreads.
          const usesLoad = load !== undefined && material;
          const deadhead = trip * (usesLoad ? Math.max(1, Math.ceil(t.laneKm / load)) : 1);
          const hours = deadhead / speed + t.laneKm / mv.rate + (usesLoad ? (reloadH * t.laneKm) / load : 0);
          if (hours > maxHours[v]!) continue;
          optV.push(v); optH.push(hours); optK.push(deadhead); optC.push(wD * deadhead + lent * lendCost);
        }
      }
      if (optC.length >= maxCandidates) kth = kthSmallest(optC, maxCandidates, scratch);
      return true;
    });
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
  return { candStart, candVehicle: Int32Array.from(cV), candHours: Float64Array.from(cH), candKm: Float64Array.from(cK), candLent: Uint8Array.from(cL), candCost: Float64Array.from(cC) };
}

/** The k-th smallest of `values` (1-based), by quickselect on a copy in `scratch`. */
function kthSmallest(values: readonly number[], k: number, scratch: number[]): number {
  scratch.length = 0;
  for (const x of values) scratch.push(x);
  let lo = 0;
  let hi = scratch.length - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = scratch[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (scratch[i]! < pivot) i++;
      while (scratch[j]! > pivot) j--;
      if (i <= j) { const x = scratch[i]!; scratch[i] = scratch[j]!; scratch[j] = x; i++; j--; }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return scratch[want]!;
  }
  return scratch[want]!;
}

/** The candidates by vehicle: vehTask/vehCand[vehStart[v] .. vehStart[v+1]). */
export function candidatesByVehicle(lists: CandidateLists, vehicleCount: number): { vehStart: Int32Array; vehTask: Int32Array; vehCand: Int32Array } {
  const { candStart, candVehicle } = lists;
  const vehStart = new Int32Array(vehicleCount + 1);
  for (const v of candVehicle) vehStart[v + 1] = vehStart[v + 1]! + 1;
  for (let v = 0; v < vehicleCount; v++) vehStart[v + 1] = vehStart[v + 1]! + vehStart[v]!;
  const fillAt = vehStart.slice(0, vehicleCount);
  const vehTask = new Int32Array(candVehicle.length);
  const vehCand = new Int32Array(candVehicle.length);
  for (let j = 0; j + 1 < candStart.length; j++) {
    for (let k = candStart[j]!; k < candStart[j + 1]!; k++) {
      const at = fillAt[candVehicle[k]!]!;
      fillAt[candVehicle[k]!] = at + 1;
      vehTask[at] = j;
      vehCand[at] = k;
    }
  }
  return { vehStart, vehTask, vehCand };
}
