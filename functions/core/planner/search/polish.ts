import { keepIfBetter } from './acceptance.ts';
import { repair } from './insertion.ts';
import { repack, repackGroup, trim } from './repacking.ts';
import { staffingPass } from './staffing.ts';
import type { SearchContext } from './SearchContext.ts';
import { WAITING_LOOKAHEAD } from './tuning.ts';

/** The penalty of the most valuable unassigned task among a vehicle's best candidates (0: none waits). */
function waitingWork(ctx: SearchContext, v: number): number {
  const list = ctx.byValue[v]!;
  for (let i = 0; i < Math.min(list.length, WAITING_LOOKAHEAD); i++) {
    if (ctx.state.taskCand[list[i]!]! < 0) return ctx.model.tasks[list[i]!]!.penalty;
  }
  return 0;
}

/** A re-pack of some vehicles followed by a repair, kept only when the objective drops. */
function tryRepack(ctx: SearchContext, change: (pool: Set<number>, touched: Set<number>) => boolean): void {
  keepIfBetter(ctx, () => {
    const pool = new Set<number>();
    const touched = new Set<number>();
    if (!change(pool, touched)) return false;
    repair(ctx, pool, touched, 0);
    return true;
  });
}

/** Swaps the crews of vehicles a and b, when each may drive the other's vehicle. */
function swapCrews(ctx: SearchContext, a: number, b: number): boolean {
  const { model, state } = ctx;
  const ca = model.pairs[state.pairOfVehicle[a]!]!.crew;
  const cb = model.pairs[state.pairOfVehicle[b]!]!.crew;
  const pa = model.pairsOfCrew[cb]!.find((p) => model.pairs[p]!.vehicle === a);
  const pb = model.pairsOfCrew[ca]!.find((p) => model.pairs[p]!.vehicle === b);
  if (pa === undefined || pb === undefined) return false;
  state.setPair(a, -1); state.setPair(b, -1); state.setPair(a, pa); state.setPair(b, pb);
  return true;
}

/**
 * Polish, with `share` of the budget left: uncrewed vehicles with work waiting are staffed through
 * augmenting paths of crews; vehicles where valuable work waits are re-packed alone
 * (knapsack), then with two neighbours (branch and bound); then every pair of neighbouring crewed
 * vehicles is re-packed as it is and with the crews swapped. Each change is kept only when the
 * objective drops.
 */
export function polish(ctx: SearchContext, share: number): void {
  const { model, state, budget } = ctx;
  const until = budget.mark(share);
  const nV = model.vehicles.length;
  staffingPass(ctx, until);
  budget.spend(nV);
  const waiting: { a: number; w: number }[] = [];
  for (let a = 0; a < nV; a++) {
    if (state.pairOfVehicle[a]! < 0) continue;
    const w = waitingWork(ctx, a);
    if (w > 0) waiting.push({ a, w });
  }
  const order = waiting.sort((x, y) => y.w - x.w || x.a - y.a).map(({ a }) => a);
  for (const a of order) {
    if (budget.reached(until)) return;
    tryRepack(ctx, (pool, touched) => { repack(ctx, a, pool, touched); return true; });
  }
  for (const a of order) {
    if (budget.reached(until)) return;
    const near = [...ctx.neighbours[a]!].filter((w) => state.pairOfVehicle[w]! >= 0).slice(0, 2);
    if (near.length < 2) continue;
    tryRepack(ctx, (pool, touched) => { repackGroup(ctx, [a, ...near], pool, touched, ctx.polishNodes); return true; });
  }
  for (let a = 0; a < nV; a++) {
    if (state.pairOfVehicle[a]! < 0) continue;
    for (const b of ctx.neighbours[a]!) {
      if (budget.reached(until)) return;
      if (b < a || state.pairOfVehicle[b]! < 0) continue;
      for (const swap of [false, true]) {
        tryRepack(ctx, (pool, touched) => {
          if (swap && !swapCrews(ctx, a, b)) return false;
          trim(ctx, a, pool); trim(ctx, b, pool);
          repackGroup(ctx, [a, b], pool, touched);
          return true;
        });
      }
    }
  }
}
