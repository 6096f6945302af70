import type { PlanningModel } from './PlanningModel.ts';
import { seededRandom } from './random.ts';
import type { Solution } from './SearchState.ts';
import { Annealing, Incumbent } from './search/acceptance.ts';
import { construct } from './search/construction.ts';
import {
  crewToIdleVehicle, exactRepack, randomTasks, relatedRoutes, rePairCrew, tier1Finish, type DestroyOperator, type Destroyed,
} from './search/destroyOperators.ts';
import { repair } from './search/insertion.ts';
import { relocatePass, swapPass } from './search/localMoves.ts';
import { polish } from './search/polish.ts';
import { createSearchContext, crewedVehicles, type SearchContext } from './search/SearchContext.ts';
import { FIRST_POLISH_SHARE, INSERTION_NOISE, ITERATION_WORK, OPERATOR_WEIGHTS, PERIODIC_POLISH_SHARE, POLISH_EVERY, SEARCH_SHARE } from './search/tuning.ts';
import { WorkBudget } from './search/WorkBudget.ts';
import { seedStart } from './search/seedStart.ts';
import type { StartingTeam, StartKept } from './StartingTeams.ts';

export interface OptimiseOptions {
  /** Seed of the search's random choices; the same seed, input and work budget give the same plan. */
  seed?: number;
  /** Work units the search may spend (see WorkBudget); planRoutes scales its default to the instance. */
  work: number;
  /** A safety cap only: true once the wall clock says stop (the plan then depends on the machine). */
  overCap?: () => boolean;
  /** A plan to start from (the plan kept ready), less what changed, instead of an empty one: the search completes and improves it. */
  start?: readonly StartingTeam[];
}

export interface OptimiseResult {
  solution: Solution;
  iterations: number;
  /** Work units spent, and whether the wall-clock safety cap (not the work budget) ended the search. */
  work: number;
  hitSafetyCap: boolean;
  /** Which start the search kept: its own construction (from the given plan, when one was given) or the greedy baseline's plan. */
  start: 'construction' | 'greedy';
  /** What the search kept of the given plan before it began (absent: none was given). */
  kept?: StartKept;
}

/** The destroy operators with their cumulative chances; the last takes what is left. */
const OPERATORS: { upTo: number; destroy: DestroyOperator; changesCrews: boolean }[] = (() => {
  const w = OPERATOR_WEIGHTS;
  let at = 0;
  const next = (x: number) => (at += x);
  return [
    { upTo: next(w.rePair), destroy: rePairCrew, changesCrews: true },
    { upTo: next(w.crewToIdleVehicle), destroy: crewToIdleVehicle, changesCrews: true },
    { upTo: next(w.exactRepack), destroy: exactRepack, changesCrews: false },
    { upTo: next(w.relatedRoutes), destroy: relatedRoutes, changesCrews: false },
    { upTo: next(w.tier1Finish), destroy: tier1Finish, changesCrews: false },
    { upTo: 1, destroy: randomTasks, changesCrews: false },
  ];
})();

/**
 * Large neighbourhood search over team formation and task assignment: start from the better of a
 * demand-driven construction (completing the given plan, when there is one) and the greedy baseline, then repeatedly destroy part of the plan
 * (re-pair a crew, re-pack routes, remove related tasks) and repair it by value with ejection of
 * less valuable work, accepting by simulated annealing and keeping the best plan ranked by tier-1
 * coverage, then the objective. Every stop is read from the work budget, so the plan is the same
 * on any machine.
 */
export function optimise(model: PlanningModel, options: OptimiseOptions): OptimiseResult {
  const budget = new WorkBudget(options.work, options.overCap);
  const ctx = createSearchContext(model, seededRandom(options.seed ?? 1), budget);
  const kept = options.start ? { kept: seedStart(ctx, options.start) } : {};
  const start = construct(ctx);
  const best = new Incumbent(ctx);
  if (model.tasks.length === 0 || model.vehicles.length === 0) return { solution: best.solution, iterations: 0, work: budget.spent, hitSafetyCap: false, start, ...kept };
  polish(ctx, FIRST_POLISH_SHARE);
  best.offer();
  const iterations = search(ctx, best);
  ctx.state.restore(best.solution);
  polish(ctx, 1);
  relocatePass(ctx);
  swapPass(ctx);
  relocatePass(ctx);
  best.offer();
  return { solution: best.solution, iterations, work: budget.spent, hitSafetyCap: budget.hitSafetyCap, start, ...kept };
}

/** The destroy-and-repair loop, up to SEARCH_SHARE of the budget; returns the iterations run. */
function search(ctx: SearchContext, best: Incumbent): number {
  const { state, budget } = ctx;
  const from = budget.spent;
  const until = budget.mark(SEARCH_SHARE);
  const annealing = new Annealing(state.objective());
  let current = state.objective();
  let crewed = crewedVehicles(ctx);
  let iterations = 0;
  for (; !budget.reached(until); iterations++) {
    if (iterations > 0 && iterations % POLISH_EVERY === 0) {
      polish(ctx, PERIODIC_POLISH_SHARE);
      relocatePass(ctx);
      current = best.offer();
      crewed = crewedVehicles(ctx);
    }
    const progress = (budget.spent - from) / Math.max(1, until - from);
    budget.spend(ITERATION_WORK);
    state.begin();
    const out: Destroyed = { pool: new Set<number>(), touched: new Set<number>() };
    const u = ctx.random();
    const operator = OPERATORS.find((o) => u < o.upTo)!;
    operator.destroy(ctx, out, crewed);
    repair(ctx, out.pool, out.touched, INSERTION_NOISE);
    const objective = state.objective();
    if (!annealing.accepts(ctx.random, current, objective, progress)) { state.rollback(); continue; }
    state.commit();
    current = objective;
    best.offer();
    if (operator.changesCrews) crewed = crewedVehicles(ctx);
  }
  return iterations;
}
