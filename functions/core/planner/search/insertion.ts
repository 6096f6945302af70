import type { SearchContext } from './SearchContext.ts';
import { EPS, MAX_EJECTION_TRIES, RELATED_PER_VEHICLE, TIER_KEY_STEP } from './tuning.ts';

/**
 * Inserts tasks in order, each where it adds least to the objective (tier-1 work also counts the
 * finish time it pushes out); with `eject`, a task that fits nowhere may push out less valuable work,
 * which joins the queue.
 */
export function insertAll(ctx: SearchContext, queue: number[], eject: boolean): void {
  const { model, state, budget } = ctx;
  let tier1End = state.tier1H();
  budget.spend(model.vehicles.length >> 4);
  const ejectable = new Set<number>(queue);
  for (let qi = 0; qi < queue.length; qi++) {
    const j = queue[qi]!;
    if (state.taskCand[j]! >= 0) continue;
    const task = model.tasks[j]!;
    let best = -1;
    let bestDelta = 0;
    budget.spend(1 + model.candStart[j + 1]! - model.candStart[j]!);
    for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) {
      if (!state.fits(k)) continue;
      const v = model.candVehicle[k]!;
      let delta = model.candCost[k]! - task.penalty;
      if (task.tier === 1) delta += ctx.tier1Weight * Math.max(0, state.fromH[v]! + state.load1[v]! + model.candHours[k]! - tier1End);
      if (delta < bestDelta - EPS) { bestDelta = delta; best = k; }
    }
    if (best < 0 && eject && ejectable.has(j)) best = ejectFor(ctx, j, queue);
    if (best < 0) continue;
    state.setCand(j, best);
    if (task.tier === 1) {
      const v = model.candVehicle[best]!;
      tier1End = Math.max(tier1End, state.fromH[v]! + state.load1[v]!);
    }
  }
}

/** Frees room for task j on its best candidate by removing lower-value tasks, which join the queue. Returns the candidate or -1. */
function ejectFor(ctx: SearchContext, j: number, queue: number[]): number {
  const { model, state, density, budget } = ctx;
  const task = model.tasks[j]!;
  const dj = density[j]!;
  let bestK = -1;
  let bestGain = 0;
  let bestRemove: number[] = [];
  let tried = 0;
  for (let k = model.candStart[j]!; k < model.candStart[j + 1]! && tried < MAX_EJECTION_TRIES; k++) {
    const v = model.candVehicle[k]!;
    if (state.pairOfVehicle[v]! < 0 || model.candHours[k]! > state.cap[v]! + EPS) continue;
    tried++;
    budget.spend(state.tasksOf[v]!.length);
    const need = state.load[v]! + model.candHours[k]! - state.cap[v]!;
    const victims = state.tasksOf[v]!.filter((i) => model.tasks[i]!.tier > task.tier || (model.tasks[i]!.tier === task.tier && density[i]! < dj))
      .sort((a, b) => density[a]! - density[b]!);
    let freed = 0;
    let lost = 0;
    const remove: number[] = [];
    for (const i of victims) {
      if (freed >= need - EPS) break;
      const ki = state.taskCand[i]!;
      freed += model.candHours[ki]!;
      lost += model.tasks[i]!.penalty - model.candCost[ki]!;
      remove.push(i);
    }
    if (freed < need - EPS) continue;
    const gain = task.penalty - model.candCost[k]! - lost;
    if (gain > bestGain + EPS) { bestGain = gain; bestK = k; bestRemove = remove; }
  }
  if (bestK < 0) return -1;
  for (const i of bestRemove) { state.setCand(i, -1); queue.push(i); }
  return bestK;
}

/** Orders a pool for insertion: tier first, then value per hour, with some noise. */
export function insertionOrder(ctx: SearchContext, pool: Iterable<number>, noise: number): number[] {
  const key = new Map<number, number>();
  for (const j of pool) key.set(j, ctx.model.tasks[j]!.tier * TIER_KEY_STEP - ctx.density[j]! * (1 + noise * (noise > 0 ? ctx.random() : 0)));
  return [...key.keys()].sort((a, b) => key.get(a)! - key.get(b)!);
}

/** Adds to `into` the most valuable unassigned tasks each touched vehicle could take. */
export function relatedUnassigned(ctx: SearchContext, touched: Iterable<number>, into: Set<number>, perVehicle = RELATED_PER_VEHICLE): void {
  const { state } = ctx;
  for (const v of touched) {
    const list = ctx.nearValue[v]!;
    let taken = 0;
    for (let i = 0; i < list.length && taken < perVehicle; i++) {
      const j = list[i]!;
      if (state.taskCand[j]! >= 0 || into.has(j)) continue;
      into.add(j);
      taken++;
    }
    ctx.budget.spend(1 + taken);
  }
}

/** Fills a repair: related unassigned work of the touched vehicles joins the pool, and the pool is inserted by value. */
export function repair(ctx: SearchContext, pool: Set<number>, touched: Iterable<number>, noise: number): void {
  relatedUnassigned(ctx, touched, pool);
  insertAll(ctx, insertionOrder(ctx, pool, noise), true);
}
