import { buildPlanningModel, type ModelOptions } from './buildPlanningModel.ts';
import { optimise, type OptimiseOptions } from './optimise.ts';
import type { AssignmentPlan } from './PlanTypes.ts';
import type { PlannerInput } from './PlannerInput.ts';
import { scheduleTeams, type ScheduleOptions } from './scheduleTeams.ts';
import { evaluateSolution, type Solution } from './SearchState.ts';

export type PlanRoutesOptions = ModelOptions & Omit<OptimiseOptions, 'startedAt'> & ScheduleOptions;

/**
 * The planner: builds teams (certified crew + ready vehicle of its zone) and gives each an ordered
 * task list within its shift, minimising, in order, unassigned lane-km by tier, the time until
 * every tier-1 road is passable, and deadhead km (lending costs extra). Nothing is written.
 */
export function planRoutes(input: PlannerInput, options: PlanRoutesOptions = {}): AssignmentPlan & { solution: Solution } {
  const startedAt = performance.now();
  const model = buildPlanningModel(input, options);
  const { solution, iterations } = optimise(model, { ...options, startedAt });
  const parts = evaluateSolution(model, solution);
  const { teams, shortfalls, filled } = scheduleTeams(model, solution, options);
  return {
    teams, shortfalls, solution,
    stats: {
      objective: parts.objective, unassignedLaneKm: parts.unassignedLaneKm, tier1PassableH: parts.tier1PassableH,
      deadheadKm: parts.deadheadKm, lentTasks: parts.lentTasks, filledTasks: filled, iterations, ms: performance.now() - startedAt,
    },
  };
}
