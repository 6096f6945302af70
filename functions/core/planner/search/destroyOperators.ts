import { removeTask, repack, repackGroup, trim } from './repacking.ts';
import { pick, type SearchContext } from './SearchContext.ts';
import { staffVehicle } from './staffing.ts';
import {
  EPS, HAND_OVER_CHANCE, IDLE_LOOKAHEAD, IDLE_SAMPLES, MAX_REMOVED, MIN_REMOVED_SPAN, MIN_ROUTE_LOSS, PAIR_REPACK_CHANCE,
  RANDOM_TASK_VEHICLES, REMOVED_SHARE, TIER1_LOSS_CHANCE, TRIPLE_REPACK_CHANCE,
} from './tuning.ts';

/** What a destroy step leaves for the repair: tasks taken off (the pool) and vehicles whose work changed. */
export interface Destroyed {
  pool: Set<number>;
  touched: Set<number>;
}

/** A destroy operator: changes the state, puts what it took off in `out`. `crewed` lists vehicles with a crew. */
export type DestroyOperator = (ctx: SearchContext, out: Destroyed, crewed: readonly number[]) => void;

/** Gives vehicle v to an idle crew of its zone, if there is one. */
function handToIdleCrew(ctx: SearchContext, v: number): void {
  const { model, state } = ctx;
  const idle = model.pairsOfVehicle[v]!.filter((p) => state.vehicleOfCrew[model.pairs[p]!.crew]! < 0);
  if (idle.length > 0) state.setPair(v, pick(ctx, idle));
}

/** Re-pair: a crew takes another vehicle it may drive; that vehicle's crew takes the freed one if it can. */
export const rePairCrew: DestroyOperator = (ctx, { pool, touched }) => {
  const { model, state } = ctx;
  if (ctx.crewsWithOptions.length === 0) return;
  const c = pick(ctx, ctx.crewsWithOptions);
  const p2 = pick(ctx, model.pairsOfCrew[c]!);
  const v2 = model.pairs[p2]!.vehicle;
  const v1 = state.vehicleOfCrew[c]!;
  if (v1 === v2) return;
  const pOther = state.pairOfVehicle[v2]!;
  const other = pOther >= 0 ? model.pairs[pOther]!.crew : -1;
  if (v1 >= 0) state.setPair(v1, -1);
  state.setPair(v2, -1);
  state.setPair(v2, p2);
  if (other >= 0 && v1 >= 0) {
    const back = model.pairsOfCrew[other]!.find((p) => model.pairs[p]!.vehicle === v1);
    if (back !== undefined) state.setPair(v1, back);
  } else if (other < 0 && v1 >= 0 && ctx.random() < HAND_OVER_CHANCE) {
    handToIdleCrew(ctx, v1);
  }
  // Re-pack both: a swap of crews with different hours only pays once the loads are re-cut.
  for (const v of [v1, v2]) {
    if (v < 0) continue;
    touched.add(v);
    trim(ctx, v, pool);
  }
  if (v1 >= 0 && state.pairOfVehicle[v1]! >= 0 && model.vehicles[v1]!.vehicle.class === model.vehicles[v2]!.vehicle.class) repackGroup(ctx, [v2, v1], pool, touched);
  else for (const v of [v2, v1]) if (v >= 0) repack(ctx, v, pool, touched);
  for (const v of [v1, v2]) if (v >= 0) for (const w of ctx.neighbours[v]!.subarray(0, 2)) touched.add(w);
};

/** An idle vehicle (of a few sampled) with the most valuable work waiting for it, or -1. */
function idleVehicleWithWork(ctx: SearchContext): number {
  const { model, state } = ctx;
  let v = -1;
  let waiting = 0;
  for (let s = 0; s < IDLE_SAMPLES; s++) {
    const w = Math.floor(ctx.random() * model.vehicles.length);
    if (state.pairOfVehicle[w]! >= 0) continue;
    const list = ctx.byValue[w]!;
    for (let i = 0; i < Math.min(list.length, IDLE_LOOKAHEAD); i++) {
      const j = list[i]!;
      if (state.taskCand[j]! >= 0) continue;
      if (model.tasks[j]!.penalty > waiting) { waiting = model.tasks[j]!.penalty; v = w; }
      break;
    }
  }
  ctx.budget.spend(IDLE_SAMPLES * 2);
  return v;
}

/** Staffs an idle vehicle that has valuable work waiting, through an augmenting path of crews (see staffing). */
export const crewToIdleVehicle: DestroyOperator = (ctx, { pool, touched }) => {
  const v = idleVehicleWithWork(ctx);
  if (v >= 0) staffVehicle(ctx, v, pool, touched);
};

/** Exact re-pack of one vehicle, then of a neighbour that may take what it dropped (or of two or three together). */
export const exactRepack: DestroyOperator = (ctx, { pool, touched }, crewed) => {
  if (crewed.length === 0) return;
  const v = pick(ctx, crewed);
  const near = [...ctx.neighbours[v]!].filter((w) => ctx.state.pairOfVehicle[w]! >= 0);
  if (near.length > 1 && ctx.random() < TRIPLE_REPACK_CHANCE) {
    const a = Math.floor(ctx.random() * near.length);
    const b = (a + 1 + Math.floor(ctx.random() * (near.length - 1))) % near.length;
    repackGroup(ctx, [v, near[a]!, near[b]!], pool, touched);
  } else if (near.length > 0 && ctx.random() < PAIR_REPACK_CHANCE) {
    repackGroup(ctx, [v, pick(ctx, near)], pool, touched);
  } else {
    repack(ctx, v, pool, touched);
    if (near.length > 0) repack(ctx, pick(ctx, near), pool, touched);
  }
};

/** Two related routes: a vehicle and a same-class neighbour lose part of their work. */
export const relatedRoutes: DestroyOperator = (ctx, out, crewed) => {
  if (crewed.length === 0) return;
  const v = pick(ctx, crewed);
  const near = ctx.neighbours[v]!;
  const w = near.length > 0 ? pick(ctx, near) : v;
  for (const x of [v, w]) {
    out.touched.add(x);
    const share = MIN_ROUTE_LOSS + (1 - MIN_ROUTE_LOSS) * ctx.random();
    for (const j of [...ctx.state.tasksOf[x]!]) if (ctx.random() < share) removeTask(ctx, j, out.pool, out.touched);
  }
};

/** Tier-1 finish time: the team that finishes tier 1 last gives up some of it. */
export const tier1Finish: DestroyOperator = (ctx, out, crewed) => {
  const { model, state } = ctx;
  let worst = -1;
  let end = -1;
  ctx.budget.spend(crewed.length);
  for (const v of crewed) {
    if (state.load1[v]! > EPS && state.fromH[v]! + state.load1[v]! > end) { end = state.fromH[v]! + state.load1[v]!; worst = v; }
  }
  if (worst < 0) return;
  out.touched.add(worst);
  for (const j of [...state.tasksOf[worst]!]) if (model.tasks[j]!.tier === 1 && ctx.random() < TIER1_LOSS_CHANCE) removeTask(ctx, j, out.pool, out.touched);
  for (const w of ctx.neighbours[worst]!.subarray(0, 3)) out.touched.add(w);
};

/** Random tasks from anywhere: assigned ones are taken off, unassigned ones bring their cheapest vehicles in. */
export const randomTasks: DestroyOperator = (ctx, out) => {
  const { model, state } = ctx;
  const nT = model.tasks.length;
  const count = 2 + Math.floor(ctx.random() * Math.min(MAX_REMOVED, Math.max(MIN_REMOVED_SPAN, nT * REMOVED_SHARE)));
  for (let n = 0; n < count; n++) {
    const j = Math.floor(ctx.random() * nT);
    if (state.taskCand[j]! >= 0) { removeTask(ctx, j, out.pool, out.touched); continue; }
    const end = Math.min(model.candStart[j]! + RANDOM_TASK_VEHICLES, model.candStart[j + 1]!);
    for (let k = model.candStart[j]!; k < end; k++) out.touched.add(model.candVehicle[k]!);
    out.pool.add(j);
  }
};
