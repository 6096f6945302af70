import type { PlannerInput } from '../planner/PlannerInput.ts';
import type { AssignmentPlan } from '../planner/PlanTypes.ts';
import { planRoutes, type PlanRoutesOptions } from '../planner/planRoutes.ts';
import type { Clock } from '../ports/Clock.ts';
import { repairReadyPlan } from './repairReadyPlan.ts';
import type { StartingPlan } from './startingPlan.ts';

/** A log entry's action, details and reason: which way the first wave was planned, for a manager to see. */
export interface PlanningNote {
  action: 'activation.plan-repaired' | 'activation.planned-cold';
  details: Record<string, unknown>;
  reason: string;
}

/**
 * A first wave's plan: the plan kept ready repaired against `input` (what changed since), or one made
 * from nothing; with the note that says which, with its counts and how long it took.
 */
export function planFirstRound(input: PlannerInput, from: StartingPlan, options: PlanRoutesOptions & { clock: Clock }): { planned: AssignmentPlan; note: PlanningNote } {
  const started = options.clock.now().getTime();
  const ms = () => options.clock.now().getTime() - started;
  if ('ready' in from) {
    const { repair, ...planned } = repairReadyPlan(input, from.ready, options);
    return {
      planned,
      note: { action: 'activation.plan-repaired', details: { ...repair, shortfalls: planned.shortfalls.length, readyPlanMadeAt: from.ready.madeAt, ms: ms() }, reason: 'the plan kept ready on watch, repaired against what changed since it was made' },
    };
  }
  const planned = planRoutes(input, options);
  const tasks = planned.teams.reduce((n, t) => n + t.tasks.length, 0);
  return { planned, note: { action: 'activation.planned-cold', details: { teams: planned.teams.length, tasks, shortfalls: planned.shortfalls.length, ms: ms() }, reason: from.cold } };
}
