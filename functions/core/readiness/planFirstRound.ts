import type { PlannerInput } from '../planner/PlannerInput.ts';
import type { AssignmentPlan, Shortfall } from '../planner/PlanTypes.ts';
import { planRoutes, type PlanRoutesOptions } from '../planner/planRoutes.ts';
import type { Clock } from '../ports/Clock.ts';
import { repairReadyPlan } from './repairReadyPlan.ts';
import type { StartingPlan } from './startingPlan.ts';

/** Tier-1 lane-km a repair may leave unassigned beyond the plan kept (rounding), before the wave is planned cold instead. */
const TIER1_TOLERANCE_LANE_KM = 0.5;

const tier1LaneKm = (shortfalls: readonly Shortfall[]) => shortfalls.filter((s) => s.tier === 1).reduce((n, s) => n + s.laneKm, 0);

/** A log entry's action, details and reason: which way the first wave was planned, for a manager to see. */
export interface PlanningNote {
  action: 'activation.plan-repaired' | 'activation.planned-cold';
  details: Record<string, unknown>;
  reason: string;
}

/**
 * A first wave's plan: the plan kept ready repaired against `input` (what changed since), or one made
 * from nothing (no fresh plan kept, or its repair left tier 1 worse covered than the plan kept); with the
 * note that says which, with its counts and how long it took.
 */
export function planFirstRound(input: PlannerInput, from: StartingPlan, options: PlanRoutesOptions & { clock: Clock }): { planned: AssignmentPlan; note: PlanningNote } {
  const started = options.clock.now().getTime();
  const ms = () => options.clock.now().getTime() - started;
  if ('ready' in from) {
    const { repair, ...planned } = repairReadyPlan(input, from.ready, options);
    const lost = tier1LaneKm(planned.shortfalls) - tier1LaneKm(from.ready.shortfalls);
    // Kept teams hold their routes, so what was dropped goes only to the crews left free: when that leaves tier 1
    // worse covered than the plan kept, the planner from nothing does better (bench:readiness shows by how much).
    if (lost > TIER1_TOLERANCE_LANE_KM) return cold(input, options, started, `the plan kept ready, repaired, left ${lost.toFixed(1)} lane-km more of tier 1 unassigned than it had (${repair.droppedTasks} tasks dropped): planned from nothing instead`);
    return {
      planned,
      note: { action: 'activation.plan-repaired', details: { ...repair, shortfalls: planned.shortfalls.length, readyPlanMadeAt: from.ready.madeAt, ms: ms() }, reason: 'the plan kept ready on watch, repaired against what changed since it was made' },
    };
  }
  return cold(input, options, started, from.cold);
}

function cold(input: PlannerInput, options: PlanRoutesOptions & { clock: Clock }, started: number, reason: string): { planned: AssignmentPlan; note: PlanningNote } {
  const planned = planRoutes(input, options);
  const tasks = planned.teams.reduce((n, t) => n + t.tasks.length, 0);
  return { planned, note: { action: 'activation.planned-cold', details: { teams: planned.teams.length, tasks, shortfalls: planned.shortfalls.length, ms: options.clock.now().getTime() - started }, reason } };
}
