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

/** A crew's best vehicle now, how much more it is worth than the second best, and its worth. */
interface CrewChoice { crew: number; pair: number; regret: number; worth: number; version: number }

/** Ranks choices: larger regret first, then larger worth, then lower crew index. */
const before = (a: CrewChoice, b: CrewChoice) => a.regret > b.regret || (a.regret === b.regret && (a.worth > b.worth || (a.worth === b.worth && a.crew < b.crew)));

/**
 * Forms teams where the work still is (tasks not yet assigned). Each vehicle class in each zone has
 * a curve of value covered against hours; a team's worth is what its hours add to its zone's curve
 * (and a little of the city's). Crews are placed by regret: the crew that would lose most by not
 * getting its best vehicle goes first. Regrets are kept in a heap: a placement re-counts the crews of
 * its zone (whose zone curve it changed), and a crew is re-counted again when it comes to the top (the
 * city's curve moves slowly), so a city of thousands of crews does not re-count every crew for every
 * placement.
 */
export function demandPairing(model: PlanningModel, state: SearchState, minHours: Float64Array): void {
  const local = new Map<string, { hours: number; value: number }[]>();
  const city = new Map<string, { hours: number; value: number }[]>();
  model.tasks.forEach((t, j) => {
    if (state.taskCand[j]! >= 0 || !Number.isFinite(minHours[j]!)) return;
    const k = `${t.zoneId}|${t.pass}`;
    const localItems = local.get(k) ?? [];
    localItems.push({ hours: minHours[j]!, value: t.penalty });
    local.set(k, localItems);
    const cityItems = city.get(t.pass) ?? [];
    cityItems.push({ hours: minHours[j]!, value: t.penalty });
    city.set(t.pass, cityItems);
  });
  const localCurve = new Map([...local].map(([k, items]) => [k, new DemandCurve(items)]));
  const cityCurve = new Map([...city].map(([k, items]) => [k, new DemandCurve(items)]));
  const curvesOf = model.vehicles.map((mv) => ({ local: localCurve.get(`${mv.zoneId}|${mv.vehicle.class}`), city: cityCurve.get(mv.vehicle.class) }));
  const worth = (p: number) => {
    const pair = model.pairs[p]!;
    const curves = curvesOf[pair.vehicle]!;
    return (curves.local?.gain(pair.hours) ?? 0) + LENDING_SHARE * (curves.city?.gain(pair.hours) ?? 0);
  };
  const choose = (c: number): CrewChoice | undefined => {
    let best = -1;
    let bestWorth = 0;
    let second = 0;
    for (const p of model.pairsOfCrew[c]!) {
      if (state.pairOfVehicle[model.pairs[p]!.vehicle]! >= 0) continue;
      const w = worth(p);
      if (w > bestWorth) { second = bestWorth; bestWorth = w; best = p; } else if (w > second) second = w;
    }
    return best < 0 || bestWorth <= 0 ? undefined : { crew: c, pair: best, regret: bestWorth - second, worth: bestWorth, version: version[c]! };
  };
  const version = new Int32Array(model.crews.length);
  const heap = new ChoiceHeap();
  const recount = (c: number) => {
    version[c] = version[c]! + 1;
    const choice = choose(c);
    if (choice) heap.push(choice);
  };
  const crewsOfZone = new Map<string, number[]>();
  model.crews.forEach((crew, c) => {
    if (state.vehicleOfCrew[c]! >= 0) return;
    const list = crewsOfZone.get(crew.zoneId) ?? [];
    list.push(c);
    crewsOfZone.set(crew.zoneId, list);
    recount(c);
  });
  for (;;) {
    const top = heap.pop();
    if (!top) return;
    if (top.version !== version[top.crew] || state.vehicleOfCrew[top.crew]! >= 0) continue;
    const now = choose(top.crew);
    if (!now) continue;
    const next = heap.peek();
    if (next && before(next, now)) { heap.push(now); continue; }
    const pair = model.pairs[now.pair]!;
    state.setPair(pair.vehicle, now.pair);
    const curves = curvesOf[pair.vehicle]!;
    if (curves.local) curves.local.used += pair.hours;
    if (curves.city) curves.city.used += pair.hours;
    for (const c of crewsOfZone.get(model.crews[top.crew]!.zoneId) ?? []) if (state.vehicleOfCrew[c]! < 0) recount(c);
  }
}

/** A binary heap of crew choices, best (by `before`) on top. */
class ChoiceHeap {
  private readonly items: CrewChoice[] = [];

  peek(): CrewChoice | undefined {
    return this.items[0];
  }

  push(item: CrewChoice): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): CrewChoice | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && before(a[l]!, a[m]!)) m = l;
      if (r < a.length && before(a[r]!, a[m]!)) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
    return top;
  }
}
