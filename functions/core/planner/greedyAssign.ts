import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { PlanningModel } from './PlanningModel.ts';
import { SearchState } from './SearchState.ts';

/**
 * The greedy baseline: each crew (in id order) takes the vehicle of the class whose demand is least
 * covered so far, then each task, tier 1 first, goes to the nearest team that still has the time
 * (own zone preferred through the lending penalty). Nothing is revisited.
 */
export function greedyAssign(model: PlanningModel): SearchState {
  const state = new SearchState(model);
  const demand = new Map<EquipmentClass, number>();
  for (const t of model.tasks) demand.set(t.pass, (demand.get(t.pass) ?? 0) + t.laneKm);
  const supply = new Map<EquipmentClass, number>();
  model.crews.forEach((_, c) => {
    let best = -1;
    let bestPressure = -1;
    for (const p of model.pairsOfCrew[c]!) {
      const v = model.pairs[p]!.vehicle;
      if (state.pairOfVehicle[v]! >= 0) continue;
      const cls = model.vehicles[v]!.vehicle.class;
      const pressure = (demand.get(cls) ?? 0) / (1 + (supply.get(cls) ?? 0));
      if (pressure > bestPressure) { bestPressure = pressure; best = p; }
    }
    if (best < 0 || bestPressure <= 0) return;
    const v = model.pairs[best]!.vehicle;
    state.setPair(v, best);
    const cls = model.vehicles[v]!.vehicle.class;
    supply.set(cls, (supply.get(cls) ?? 0) + model.vehicles[v]!.rate);
  });
  const order = model.tasks.map((_, j) => j).sort((a, b) => model.tasks[a]!.tier - model.tasks[b]!.tier || a - b);
  for (const j of order) {
    let best = -1;
    for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) {
      if (!state.fits(k)) continue;
      if (best < 0 || model.candCost[k]! < model.candCost[best]!) best = k;
    }
    if (best >= 0) state.setCand(j, best);
  }
  return state;
}
