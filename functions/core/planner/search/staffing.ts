import { keepIfBetter } from './acceptance.ts';
import { repair } from './insertion.ts';
import { repack, trim } from './repacking.ts';
import type { SearchContext } from './SearchContext.ts';

/**
 * The value of the unassigned work waiting for vehicle v: its most valuable unassigned candidate
 * tasks (tier first), summed until they would fill its longest crew's hours. 0: nothing waits.
 */
export function waitingValue(ctx: SearchContext, v: number): number {
  const { model, state } = ctx;
  const list = ctx.byValue[v]!;
  let hours = 0;
  let value = 0;
  let maxHours = 0;
  for (const p of model.pairsOfVehicle[v]!) maxHours = Math.max(maxHours, model.pairs[p]!.hours);
  let looked = 0;
  for (; looked < list.length && hours < maxHours; looked++) {
    const j = list[looked]!;
    if (state.taskCand[j]! >= 0) continue;
    hours += ctx.minHours[j]!;
    value += model.tasks[j]!.penalty;
  }
  ctx.budget.spend(1 + looked);
  return value;
}

/** What the objective holds on vehicle v's route: its tasks' penalties less their costs. */
function routeValue(ctx: SearchContext, v: number): number {
  const { model, state } = ctx;
  let value = 0;
  for (const j of state.tasksOf[v]!) value += model.tasks[j]!.penalty - model.candCost[state.taskCand[j]!]!;
  return value;
}

/**
 * An augmenting path in the bipartite graph of crews and the vehicles they may drive (same zone,
 * certified), from uncrewed vehicle v: each vehicle on it takes the crew of the next one, and the
 * last takes an idle crew (no vehicle loses its crew), or, when no idle crew can be reached, stands
 * (the reachable vehicle whose route holds least). Returns [vehicle, pair] moves, v first, or
 * undefined when no crew may drive v.
 */
export function augmentingPath(ctx: SearchContext, v: number): [number, number][] | undefined {
  const { model, state, budget } = ctx;
  const via = new Map<number, { from: number; pair: number }>();
  via.set(v, { from: -1, pair: -1 });
  const queue = [v];
  let end: { vehicle: number; pair: number } | undefined;
  for (let qi = 0; qi < queue.length && !end; qi++) {
    const x = queue[qi]!;
    budget.spend(1 + model.pairsOfVehicle[x]!.length);
    for (const p of model.pairsOfVehicle[x]!) {
      const w = state.vehicleOfCrew[model.pairs[p]!.crew]!;
      if (w < 0) { end = { vehicle: x, pair: p }; break; }
      if (via.has(w)) continue;
      via.set(w, { from: x, pair: p });
      queue.push(w);
    }
  }
  const moves: [number, number][] = [];
  let x: number;
  if (end) {
    moves.push([end.vehicle, end.pair]);
    x = end.vehicle;
  } else {
    // No idle crew within reach: the vehicle holding least gives up its crew.
    let stand = -1;
    let least = Infinity;
    for (const w of queue) {
      if (w === v) continue;
      const held = routeValue(ctx, w);
      if (held < least) { least = held; stand = w; }
    }
    budget.spend(queue.length);
    if (stand < 0) return undefined;
    moves.push([stand, -1]);
    x = stand;
  }
  while (x !== v) {
    const step = via.get(x)!;
    moves.push([step.from, step.pair]);
    x = step.from;
  }
  return moves;
}

/**
 * Staffs uncrewed vehicle v through an augmenting path: crews move along it, every vehicle whose
 * crew changed is trimmed to its new hours, v is packed with the work waiting for it, and what was
 * taken off joins the pool.
 */
export function staffVehicle(ctx: SearchContext, v: number, pool: Set<number>, touched: Set<number>): boolean {
  const { state } = ctx;
  const moves = augmentingPath(ctx, v);
  if (!moves) return false;
  for (const [w] of moves) state.setPair(w, -1);
  for (const [w, p] of moves) if (p >= 0) state.setPair(w, p);
  for (const [w] of moves) { touched.add(w); trim(ctx, w, pool); }
  repack(ctx, v, pool, touched);
  for (const w of ctx.neighbours[v]!.subarray(0, 2)) touched.add(w);
  return true;
}

/** Applies a crew change and its repair, kept only when the objective drops. */
function tryChange(ctx: SearchContext, change: (pool: Set<number>, touched: Set<number>) => boolean): void {
  keepIfBetter(ctx, () => {
    const pool = new Set<number>();
    const touched = new Set<number>();
    if (!change(pool, touched)) return false;
    repair(ctx, pool, touched, 0);
    return true;
  });
}

/**
 * Every uncrewed vehicle with work waiting, most valuable first, is offered a crew through an
 * augmenting path; each change is kept only when the objective drops. This is what a crew
 * certified for a scarce class (a loader) sitting on a vehicle with little work needs: a chain of
 * crews moving over, which single re-pairings find only by chance.
 */
export function staffingPass(ctx: SearchContext, until: number): void {
  const { model, state, budget } = ctx;
  const idle: { v: number; value: number }[] = [];
  for (let v = 0; v < model.vehicles.length; v++) {
    if (state.pairOfVehicle[v]! >= 0) continue;
    const value = waitingValue(ctx, v);
    if (value > 0) idle.push({ v, value });
  }
  idle.sort((a, b) => b.value - a.value || a.v - b.v);
  for (const { v } of idle) {
    if (budget.reached(until)) return;
    if (state.pairOfVehicle[v]! < 0) tryChange(ctx, (pool, touched) => staffVehicle(ctx, v, pool, touched));
  }
}
