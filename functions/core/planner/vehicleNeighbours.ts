import { GridIndex } from './GridIndex.ts';
import type { PlanningModel } from './PlanningModel.ts';

const KM_PER_DEGREE = 111.195;

/**
 * Each vehicle's `count` same-class vehicles with the nearest depots (ties by index): the routes a
 * search move treats as related. Found through a grid of depots per class, so a city of thousands of
 * vehicles costs about one grid query per vehicle, not a comparison of every pair.
 */
export function vehicleNeighbours(model: PlanningModel, count: number): Int32Array[] {
  const out: Int32Array[] = new Array<Int32Array>(model.vehicles.length);
  const byClass = new Map<string, number[]>();
  model.vehicles.forEach((mv, v) => {
    const list = byClass.get(mv.vehicle.class);
    if (list) list.push(v);
    else byClass.set(mv.vehicle.class, [v]);
  });
  for (const members of byClass.values()) {
    const xs = members.map((v) => model.vehicles[v]!.depot.lon * model.cosLat * KM_PER_DEGREE);
    const ys = members.map((v) => model.vehicles[v]!.depot.lat * KM_PER_DEGREE);
    const grid = new GridIndex(xs, ys);
    members.forEach((v, i) => {
      const found: { w: number; d: number }[] = [];
      grid.rings(xs[i]!, ys[i]!, (ring, minKm) => {
        if (found.length >= count && found[count - 1]!.d < minKm * minKm) return false;
        for (const o of ring) {
          if (o === i) continue;
          found.push({ w: members[o]!, d: (xs[o]! - xs[i]!) ** 2 + (ys[o]! - ys[i]!) ** 2 });
        }
        found.sort((a, b) => a.d - b.d || a.w - b.w);
        if (found.length > count) found.length = count;
        return true;
      });
      out[v] = Int32Array.from(found, (f) => f.w);
    });
  }
  return out;
}
