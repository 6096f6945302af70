import type { Clock } from '../ports/Clock.ts';
import { buildPlanningModel, type ModelOptions } from './buildPlanningModel.ts';
import { optimise } from './optimise.ts';
import { defaultSafetyCapMs, defaultWork, readyWork, safetyCap, startWork, type PlannerBudget } from './PlannerBudget.ts';
import type { AssignmentPlan } from './PlanTypes.ts';
import type { PlannerInput } from './PlannerInput.ts';
import { scheduleTeams, type ScheduleOptions } from './scheduleTeams.ts';
import { evaluateSolution, type Solution } from './SearchState.ts';
import type { StartingTeam } from './StartingTeams.ts';

export type PlanRoutesOptions = ModelOptions & ScheduleOptions & PlannerBudget & {
  /** Seed of the search's random choices (default 1). */
  seed?: number;
  /** Measures the planning time and applies the safety cap; without one neither happens. */
  clock?: Clock;
  /**
   * A plan to start from (the plan kept ready on watch): the search takes it less what changed (gone
   * crews and vehicles, passes no longer to plan) and completes and improves it, on a smaller default
   * budget (startWork) than a plan from nothing.
   */
  start?: readonly StartingTeam[];
  /** A plan made ahead of the snow (the plan kept ready on watch), off the first wave's path: its default budget is readyWork's, not defaultWork's. */
  ahead?: boolean;
};

/**
 * The planner: builds teams (certified crew + ready vehicle of its zone) and gives each an ordered
 * task list within its shift, minimising, in order, unassigned lane-km by tier, the time until
 * every tier-1 road is passable, and deadhead km (lending costs extra). Nothing is written.
 */
export function planRoutes(input: PlannerInput, options: PlanRoutesOptions = {}): AssignmentPlan & { solution: Solution } {
  const startMs = options.clock?.now().getTime() ?? 0;
  const model = buildPlanningModel(input, options);
  const work = options.work ?? (options.start ? startWork(model) : options.ahead ? readyWork(model) : defaultWork(model));
  const result = optimise(model, {
    seed: options.seed ?? 1, work, overCap: safetyCap(options.clock, startMs, options.safetyCapMs ?? defaultSafetyCapMs(work)),
    ...(options.start ? { start: options.start } : {}),
  });
  const parts = evaluateSolution(model, result.solution);
  const { teams, shortfalls, filled } = scheduleTeams(model, result.solution, options);
  return {
    teams, shortfalls, solution: result.solution,
    stats: {
      objective: parts.objective, unassignedLaneKm: parts.unassignedLaneKm, tier1PassableH: parts.tier1PassableH,
      deadheadKm: parts.deadheadKm, lentTasks: parts.lentTasks, filledTasks: filled, iterations: result.iterations,
      work: result.work, workBudget: work, hitSafetyCap: result.hitSafetyCap, ...(result.kept ? { kept: result.kept } : {}),
      ...(options.clock ? { ms: options.clock.now().getTime() - startMs } : {}),
    },
  };
}
