import type { PlanningModel } from './PlanningModel.ts';
import type { SearchState } from './SearchState.ts';

/** Value covered by the first h hours of a demand, most valuable work first (linear within a task). */
class DemandCurve {
  private readonly hours: number[] = [0];
  private readonly value: number[] = [0];
  used = 0;

  constructor(items: { hours: number; value: number }[]) {
    items.sort((a, b) => b.value / b.hours - a.value / a.hours);
    for (const it of items) {
      this.hours.push(this.hours[this.hours.length - 1]! + it.hours);
      this.value.push(this.value[this.value.length - 1]! + it.value);
    }
  }

  at(h: number): number {
    const hs = this.hours;
    if (h >= hs[hs.length - 1]!) return this.value[this.value.length - 1]!;
    let lo = 0;
    let hi = hs.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (hs[mid]! <= h) lo = mid;
      else hi = mid;
    }
    const f = (h - hs[lo]!) / (hs[hi]! - hs[lo]!);
    return this.value[lo]! + f * (this.value[hi]! - this.value[lo]!);
  }

  /** Value the next `h` hours would add. */
  gain(h: number): number {
    return this.at(this.used + h) - this.at(this.used);
  }
}

/** Share of another zone's demand a team counts when deciding what to drive (lending is the exception). */
const LENDING_SHARE = 0.25;

/**
 * Forms teams where the work still is (tasks not yet assigned). Each vehicle class in each zone has
 * a curve of value covered against hours; a team's worth is what its hours add to its zone's curve
 * (and a little of the city's). Crews are placed by regret: the crew that would lose most by not
 * getting its best vehicle goes first.
 */
export function demandPairing(model: PlanningModel, state: SearchState, minHours: Float64Array): void {
  const local = new Map<string, { hours: number; value: number }[]>();
  const city = new Map<string, { hours: number; value: number }[]>();
  model.tasks.forEach((t, j) => {
    if (state.taskCand[j]! >= 0 || !Number.isFinite(minHours[j]!)) return;
    const item = { hours: minHours[j]!, value: t.penalty };
    const k = `${t.zoneId}|${t.pass}`;
    local.set(k, [...(local.get(k) ?? []), item]);
    city.set(t.pass, [...(city.get(t.pass) ?? []), { ...item }]);
  });
  const localCurve = new Map([...local].map(([k, items]) => [k, new DemandCurve(items)]));
  const cityCurve = new Map([...city].map(([k, items]) => [k, new DemandCurve(items)]));
  const worth = (p: number) => {
    const pair = model.pairs[p]!;
    const mv = model.vehicles[pair.vehicle]!;
    const lc = localCurve.get(`${mv.zoneId}|${mv.vehicle.class}`);
    const cc = cityCurve.get(mv.vehicle.class);
    return (lc?.gain(pair.hours) ?? 0) + LENDING_SHARE * (cc?.gain(pair.hours) ?? 0);
  };
  for (;;) {
    let chosen = -1;
    let chosenRegret = -1;
    let chosenWorth = 0;
    model.crews.forEach((_, c) => {
      if (state.vehicleOfCrew[c]! >= 0) return;
      let best = -1;
      let bestWorth = 0;
      let second = 0;
      for (const p of model.pairsOfCrew[c]!) {
        if (state.pairOfVehicle[model.pairs[p]!.vehicle]! >= 0) continue;
        const w = worth(p);
        if (w > bestWorth) { second = bestWorth; bestWorth = w; best = p; } else if (w > second) second = w;
      }
      if (best < 0 || bestWorth <= 0) return;
      const regret = bestWorth - second;
      if (regret > chosenRegret || (regret === chosenRegret && bestWorth > chosenWorth)) { chosen = best; chosenRegret = regret; chosenWorth = bestWorth; }
    });
    if (chosen < 0) return;
    const pair = model.pairs[chosen]!;
    state.setPair(pair.vehicle, chosen);
    const mv = model.vehicles[pair.vehicle]!;
    const lc = localCurve.get(`${mv.zoneId}|${mv.vehicle.class}`);
    if (lc) lc.used += pair.hours;
    const cc = cityCurve.get(mv.vehicle.class);
    if (cc) cc.used += pair.hours;
  }
}
