import { keepIfBetter } from './acceptance.ts';
import { candidateOn, type SearchContext } from './SearchContext.ts';
import { EPS, RELOCATE_ROUNDS, SWAP_SLACK_HOURS } from './tuning.ts';

/** Moves single tasks to a cheaper team that has the time (deadhead, lending, tier-1 finish), while any move helps. */
export function relocatePass(ctx: SearchContext): void {
  const { model, state, budget } = ctx;
  for (let round = 0; round < RELOCATE_ROUNDS; round++) {
    let moved = false;
    for (let j = 0; j < model.tasks.length; j++) {
      if (budget.exhausted) return;
      const k0 = state.taskCand[j]!;
      budget.spend(1);
      if (k0 < 0) continue;
      const worthUpTo = model.candCost[k0]! + ctx.tier1Weight * model.candHours[k0]! + EPS;
      for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) {
        budget.spend(1);
        if (k === k0 || model.candCost[k]! > worthUpTo || !state.fits(k)) continue;
        if (keepIfBetter(ctx, () => { state.setCand(j, k); return true; })) { moved = true; break; }
      }
    }
    if (!moved) return;
  }
}

/** Swaps two tasks between teams (each fitting in the other's time) when that lowers the objective. */
export function swapPass(ctx: SearchContext): void {
  const { model, state, budget } = ctx;
  const slack = ctx.tier1Weight * SWAP_SLACK_HOURS + EPS;
  for (let j1 = 0; j1 < model.tasks.length; j1++) {
    if (budget.exhausted) return;
    const k1 = state.taskCand[j1]!;
    budget.spend(1);
    if (k1 < 0) continue;
    const v1 = model.candVehicle[k1]!;
    for (let k = model.candStart[j1]!; k < model.candStart[j1 + 1]!; k++) {
      const v2 = model.candVehicle[k]!;
      if (v2 === v1 || state.pairOfVehicle[v2]! < 0 || (model.candCost[k]! >= model.candCost[k1]! + 1e-12 && model.tasks[j1]!.tier !== 1)) continue;
      const others = [...state.tasksOf[v2]!];
      budget.spend(others.length * (1 + model.candStart[j1 + 1]! - model.candStart[j1]!));
      for (const j2 of others) {
        const k2back = candidateOn(model, j2, v1);
        if (k2back < 0) continue;
        const k2 = state.taskCand[j2]!;
        if (model.candCost[k]! + model.candCost[k2back]! > model.candCost[k1]! + model.candCost[k2]! + slack) continue;
        if (state.load[v1]! - model.candHours[k1]! + model.candHours[k2back]! > state.cap[v1]! + EPS) continue;
        if (state.load[v2]! - model.candHours[k2]! + model.candHours[k]! > state.cap[v2]! + EPS) continue;
        const swapped = keepIfBetter(ctx, () => {
          state.setCand(j1, -1); state.setCand(j2, -1); state.setCand(j1, k); state.setCand(j2, k2back);
          return true;
        });
        if (swapped) break;
      }
      if (state.taskCand[j1] !== k1) break;
    }
  }
}
