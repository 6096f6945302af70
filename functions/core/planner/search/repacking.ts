import { binPack } from '../binPack.ts';
import { knapsack } from '../knapsack.ts';
import { candidateOn, type SearchContext } from './SearchContext.ts';
import { EPS, KNAPSACK_CELLS_PER_UNIT, REPACK_EXTRA } from './tuning.ts';

/** Knapsack time cells per hour (its unit is a quarter minute). */
const KNAPSACK_CELLS_PER_HOUR = 240;

/** Takes task j off its vehicle into the repair pool, noting the vehicle as touched. */
export function removeTask(ctx: SearchContext, j: number, pool: Set<number>, touched: Set<number>): void {
  const k = ctx.state.taskCand[j]!;
  if (k < 0) return;
  touched.add(ctx.model.candVehicle[k]!);
  ctx.state.setCand(j, -1);
  pool.add(j);
}

/** Keeps a vehicle within its (new) crew's hours by dropping its least valuable tasks into the pool. */
export function trim(ctx: SearchContext, v: number, pool: Set<number>): void {
  const { model, state, density } = ctx;
  if (state.load[v]! <= state.cap[v]! + EPS) return;
  const list = [...state.tasksOf[v]!].sort((a, b) => model.tasks[b]!.tier - model.tasks[a]!.tier || density[a]! - density[b]!);
  ctx.budget.spend(list.length);
  for (const j of list) {
    if (state.load[v]! <= state.cap[v]! + EPS) break;
    state.setCand(j, -1);
    pool.add(j);
  }
}

/**
 * Re-packs one vehicle exactly: its tasks and the most valuable unassigned tasks it could take,
 * best subset by knapsack. Tasks it drops go to the pool (other vehicles may take them).
 */
export function repack(ctx: SearchContext, v: number, pool: Set<number>, touched: Set<number>): void {
  const { model, state } = ctx;
  if (state.pairOfVehicle[v]! < 0) return;
  const items: number[] = [];
  const cands: number[] = [];
  for (const j of state.tasksOf[v]!) { items.push(j); cands.push(state.taskCand[j]!); }
  const list = ctx.nearValue[v]!;
  for (let i = 0, extra = 0; i < list.length && extra < REPACK_EXTRA; i++) {
    const j = list[i]!;
    if (state.taskCand[j]! >= 0) continue;
    const k = candidateOn(model, j, v);
    if (k < 0) continue;
    items.push(j); cands.push(k); extra++;
  }
  ctx.budget.spend(1 + (items.length * state.cap[v]! * KNAPSACK_CELLS_PER_HOUR) / KNAPSACK_CELLS_PER_UNIT);
  const chosen = knapsack(items.map((j, i) => model.tasks[j]!.penalty - model.candCost[cands[i]!]!), cands.map((k) => model.candHours[k]!), state.cap[v]!);
  const keep = new Set(chosen);
  touched.add(v);
  items.forEach((j, i) => { if (!keep.has(i) && state.taskCand[j]! >= 0) { state.setCand(j, -1); pool.add(j); } });
  for (const i of chosen) state.setCand(items[i]!, cands[i]!);
}

/** Re-packs a few crewed vehicles together (their tasks and valuable unassigned ones) by branch and bound. */
export function repackGroup(ctx: SearchContext, group: readonly number[], pool: Set<number>, touched: Set<number>, nodes = ctx.groupNodes): void {
  const { model, state } = ctx;
  const vs = [...new Set(group)].filter((v) => state.pairOfVehicle[v]! >= 0);
  if (vs.length < 2) return;
  const tasks: number[] = vs.flatMap((v) => state.tasksOf[v]!);
  const seen = new Set(tasks);
  for (const v of vs) {
    const list = ctx.nearValue[v]!;
    for (let i = 0, extra = 0; i < list.length && extra < REPACK_EXTRA / vs.length; i++) {
      const j = list[i]!;
      if (state.taskCand[j]! >= 0 || seen.has(j)) continue;
      seen.add(j); tasks.push(j); extra++;
    }
  }
  const cand = tasks.map((j) => vs.map((v) => candidateOn(model, j, v)));
  // One value per item keeps the bound simple: the cheapest bin's cost is the one counted.
  const items = tasks.map((j, i) => ({
    value: model.tasks[j]!.penalty - Math.min(...cand[i]!.map((k) => (k >= 0 ? model.candCost[k]! : Infinity))),
    hours: cand[i]!.map((k) => (k >= 0 ? model.candHours[k]! : Infinity)),
  }));
  const start = tasks.map((j) => {
    const k = state.taskCand[j]!;
    return k < 0 ? -1 : vs.indexOf(model.candVehicle[k]!);
  });
  const counter = { nodes: 0 };
  // A node costs about one look at each item and bin: never more nodes than the budget has left.
  const perNode = vs.length + tasks.length;
  const limit = Math.max(1, Math.min(nodes, Math.floor((ctx.budget.total - ctx.budget.spent) / perNode)));
  const bins = binPack(items, vs.map((v) => state.cap[v]!), limit, start, counter);
  ctx.budget.spend(tasks.length * vs.length + counter.nodes * perNode);
  for (const v of vs) touched.add(v);
  for (const j of tasks) if (state.taskCand[j]! >= 0) state.setCand(j, -1);
  tasks.forEach((j, i) => {
    if (bins[i]! >= 0) state.setCand(j, cand[i]![bins[i]!]!);
    else pool.add(j);
  });
}
