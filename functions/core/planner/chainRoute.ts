import type { PlanningModel } from './PlanningModel.ts';
import { planarKm } from './planarKm.ts';
import type { Point } from './roadGeometry.ts';

/** One task of a chained route with its times in hours after the start. */
export interface ChainedStop {
  task: number;
  startH: number;
  endH: number;
  travelKm: number;
}

const MATERIAL = new Set(['spreader', 'snow-melter']);

/**
 * Times a team's ordered tasks as driven: depot (loaded), then road to road (entry to exit), back
 * to the depot to top up when the load will not cover the next road. By the triangle inequality,
 * and because it never loads more than it spreads, each stop is no later than the model's estimate.
 */
export function chainRoute(model: PlanningModel, vehicle: number, fromH: number, tasks: readonly number[]): { stops: ChainedStop[]; endH: number } {
  const stops: ChainedStop[] = [];
  const endH = driveRoute(model, vehicle, fromH, tasks, stops);
  return { stops, endH };
}

/** When a team driving `tasks` in order would finish (chainRoute without the stops: the fill tries many orders). */
export function routeEndH(model: PlanningModel, vehicle: number, fromH: number, tasks: readonly number[]): number {
  return driveRoute(model, vehicle, fromH, tasks, undefined);
}

function driveRoute(model: PlanningModel, vehicle: number, fromH: number, tasks: readonly number[], stops: ChainedStop[] | undefined): number {
  const mv = model.vehicles[vehicle]!;
  const speed = model.speedKmPerH;
  const detour = model.settings.detourFactor;
  const reloadH = model.settings.reloadMinutes / 60;
  const km = (a: Point, b: Point) => detour * planarKm(a, b, model.cosLat);
  const capacity = mv.vehicle.materialCapacityLaneKm;
  let at: Point = mv.depot;
  let t = fromH;
  let loadLeft = capacity ?? Infinity;
  for (const j of tasks) {
    const task = model.tasks[j]!;
    const usesMaterial = capacity !== undefined && MATERIAL.has(task.pass);
    let travel = 0;
    if (usesMaterial && loadLeft < Math.min(task.laneKm, capacity) - 1e-9) {
      // Top up at the depot: loading time is in proportion to what is loaded.
      travel += km(at, mv.depot);
      t += km(at, mv.depot) / speed + (reloadH * (capacity - loadLeft)) / capacity;
      at = mv.depot;
      loadLeft = capacity;
    }
    const leg = km(at, task.entry);
    travel += leg;
    t += leg / speed;
    const startH = t;
    let work = task.laneKm / mv.rate;
    if (usesMaterial && task.laneKm > loadLeft + 1e-9) {
      const trips = Math.ceil((task.laneKm - loadLeft) / capacity - 1e-9);
      const trip = km(task.exit, mv.depot) + km(mv.depot, task.entry);
      work += trips * (trip / speed + reloadH);
      travel += trips * trip;
      loadLeft = loadLeft + trips * capacity - task.laneKm;
    } else if (usesMaterial) {
      loadLeft -= task.laneKm;
    }
    t += work;
    stops?.push({ task: j, startH, endH: t, travelKm: travel });
    at = task.exit;
  }
  return t;
}

/** Orders a team's tasks: tier 1 first, then 2, then 3; within a tier, nearest next road. */
export function orderRoute(model: PlanningModel, vehicle: number, tasks: readonly number[]): number[] {
  const left = [...tasks];
  const ordered: number[] = [];
  let at = model.vehicles[vehicle]!.depot;
  while (left.length > 0) {
    const tier = Math.min(...left.map((j) => model.tasks[j]!.tier));
    let best = -1;
    let bestD = Infinity;
    left.forEach((j, i) => {
      const task = model.tasks[j]!;
      if (task.tier !== tier) return;
      const d = (task.entry.lat - at.lat) ** 2 + (task.entry.lon - at.lon) ** 2;
      if (d < bestD || (d === bestD && j < left[best]!)) { bestD = d; best = i; }
    });
    const [j] = left.splice(best, 1);
    ordered.push(j!);
    at = model.tasks[j!]!.exit;
  }
  return ordered;
}
