import type { PlanningModel } from './PlanningModel.ts';
import type { SearchState } from './SearchState.ts';

/**
 * Forms teams where the work still is (tasks not yet assigned): each step pairs the crew and vehicle whose hours would cover the
 * most valuable uncovered demand of the vehicle's class in its zone (then anywhere, for lending);
 * crews with fewer certifications are placed first on ties.
 */
export function demandPairing(model: PlanningModel, state: SearchState, minHours: Float64Array): void {
  const classes = new Map<string, number>();
  const key = (zone: string, cls: string) => `${zone}|${cls}`;
  const need = new Map<string, number>();
  const value = new Map<string, number>();
  const globalNeed = new Map<string, number>();
  model.tasks.forEach((t, j) => {
    if (state.taskCand[j]! >= 0 || !Number.isFinite(minHours[j]!)) return;
    const k = key(t.zoneId, t.pass);
    need.set(k, (need.get(k) ?? 0) + minHours[j]!);
    value.set(k, (value.get(k) ?? 0) + t.penalty);
    globalNeed.set(t.pass, (globalNeed.get(t.pass) ?? 0) + minHours[j]!);
    classes.set(t.pass, (classes.get(t.pass) ?? 0) + t.penalty);
  });
  const density = new Map<string, number>();
  for (const [k, n] of need) density.set(k, (value.get(k) ?? 0) / Math.max(n, 1e-6));
  const globalDensity = new Map<string, number>();
  for (const [cls, n] of globalNeed) globalDensity.set(cls, (classes.get(cls) ?? 0) / Math.max(n, 1e-6));
  for (;;) {
    let best = -1;
    let bestScore = 0;
    for (let p = 0; p < model.pairs.length; p++) {
      const pair = model.pairs[p]!;
      if (state.pairOfVehicle[pair.vehicle]! >= 0 || state.vehicleOfCrew[pair.crew]! >= 0) continue;
      const mv = model.vehicles[pair.vehicle]!;
      const cls = mv.vehicle.class;
      const k = key(mv.zoneId, cls);
      const local = Math.min(pair.hours, Math.max(0, need.get(k) ?? 0)) * (density.get(k) ?? 0);
      const lending = 0.25 * Math.min(pair.hours, Math.max(0, globalNeed.get(cls) ?? 0)) * (globalDensity.get(cls) ?? 0);
      const score = local + lending - 1e-6 * model.pairsOfCrew[pair.crew]!.length;
      if (score > bestScore) { bestScore = score; best = p; }
    }
    if (best < 0) return;
    const pair = model.pairs[best]!;
    state.setPair(pair.vehicle, best);
    const mv = model.vehicles[pair.vehicle]!;
    const k = key(mv.zoneId, mv.vehicle.class);
    need.set(k, (need.get(k) ?? 0) - pair.hours);
    globalNeed.set(mv.vehicle.class, (globalNeed.get(mv.vehicle.class) ?? 0) - pair.hours);
  }
}
