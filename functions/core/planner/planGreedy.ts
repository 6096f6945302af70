import { buildPlanningModel } from './buildPlanningModel.ts';
import { greedyAssign } from './greedyAssign.ts';
import type { AssignmentPlan } from './PlanTypes.ts';
import type { PlannerInput } from './PlannerInput.ts';
import { scheduleTeams } from './scheduleTeams.ts';
import { evaluateSolution } from './SearchState.ts';

/**
 * The greedy baseline (kept for the bench and as the planner's floor): tier order, nearest team
 * with time left, own zone preferred. Same model and hard constraints as planRoutes. Nothing is written.
 */
export function planGreedy(input: PlannerInput, options: { fill?: boolean } = {}): AssignmentPlan {
  const model = buildPlanningModel(input);
  const solution = greedyAssign(model).snapshot();
  const parts = evaluateSolution(model, solution);
  const { teams, shortfalls, filled } = scheduleTeams(model, solution, { fill: options.fill ?? false });
  return {
    teams, shortfalls,
    stats: {
      objective: parts.objective, unassignedLaneKm: parts.unassignedLaneKm, tier1PassableH: parts.tier1PassableH,
      deadheadKm: parts.deadheadKm, lentTasks: parts.lentTasks, filledTasks: filled, iterations: 0, work: 0, workBudget: 0, hitSafetyCap: false,
    },
  };
}
