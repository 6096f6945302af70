import type { PlanningModel } from '../../functions/core/planner/PlanningModel.ts';
import { minCostAssignment } from './assignment.ts';

/**
 * A lower bound on the optimum of the model the planner searches (its candidate lists), for cities
 * where no LP fits in memory. Each vehicle's hours are relaxed with a price μ_v per hour (Lagrangian
 * relaxation): then each road pass on its own is left out (its penalty) or done by its cheapest
 * candidate at cost + μ·hours, and each zone's crews are assigned to vehicles for the most priced
 * hours. The tier-1 finish-time term (never negative) is left out. Any μ ≥ 0 gives a valid bound;
 * subgradient steps (Polyak, towards `upper`) raise it towards the LP relaxation's optimum.
 */
/** The step factor halves after 20 steps without a better bound, down to this. */
const MIN_THETA = 0.005;

export function lagrangianBound(model: PlanningModel, upper: number, iterations: number): { bound: number; iterations: number } {
  const nT = model.tasks.length;
  const nV = model.vehicles.length;
  const zones = new Map<string, { crews: number[]; vehicles: number[] }>();
  model.vehicles.forEach((mv, v) => {
    const z = zones.get(mv.zoneId) ?? { crews: [], vehicles: [] };
    z.vehicles.push(v);
    zones.set(mv.zoneId, z);
  });
  model.crews.forEach((c, i) => { if (model.pairsOfCrew[i]!.length > 0) zones.get(c.zoneId)?.crews.push(i); });
  const mu = new Float64Array(nV);
  const used = new Float64Array(nV);
  const cap = new Float64Array(nV);
  let best = -Infinity;
  let theta = 1;
  let stale = 0;
  let done = 0;
  for (; done < iterations; done++) {
    used.fill(0);
    cap.fill(0);
    let bound = 0;
    for (let j = 0; j < nT; j++) {
      let cheapest = model.tasks[j]!.penalty;
      let chosen = -1;
      for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) {
        const c = model.candCost[k]! + mu[model.candVehicle[k]!]! * model.candHours[k]!;
        if (c < cheapest) { cheapest = c; chosen = k; }
      }
      bound += cheapest;
      if (chosen >= 0) used[model.candVehicle[chosen]!] = used[model.candVehicle[chosen]!]! + model.candHours[chosen]!;
    }
    for (const { crews, vehicles } of zones.values()) {
      const n = Math.max(crews.length, vehicles.length);
      const cost = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      const hoursAt = new Map<number, number>();
      crews.forEach((c, r) => {
        for (const p of model.pairsOfCrew[c]!) {
          const col = vehicles.indexOf(model.pairs[p]!.vehicle);
          cost[r]![col] = -mu[model.pairs[p]!.vehicle]! * model.pairs[p]!.hours;
          hoursAt.set(r * n + col, model.pairs[p]!.hours);
        }
      });
      minCostAssignment(cost).forEach((col, r) => {
        const hours = hoursAt.get(r * n + col);
        if (hours === undefined) return;
        bound += cost[r]![col]!;
        cap[vehicles[col]!] = hours;
      });
    }
    if (best === -Infinity || bound > best + 1e-9 * Math.abs(best)) { best = bound; stale = 0; } else if (++stale >= 20) { theta = Math.max(MIN_THETA, theta / 2); stale = 0; }
    let norm = 0;
    for (let v = 0; v < nV; v++) {
      const g = used[v]! - cap[v]!;
      // A price already at zero with slack cannot fall: that direction does not count.
      if (mu[v]! > 0 || g > 0) norm += g * g;
    }
    if (norm < 1e-12) break;
    const step = (theta * Math.max(upper - bound, 1e-9 * Math.abs(upper))) / norm;
    for (let v = 0; v < nV; v++) mu[v] = Math.max(0, mu[v]! + step * (used[v]! - cap[v]!));
  }
  return { bound: best, iterations: done };
}
