import type { ReadyPlan } from '../operations/ReadyPlan.ts';
import type { PlannerInput } from '../planner/PlannerInput.ts';
import type { AssignmentPlan, Shortfall } from '../planner/PlanTypes.ts';
import { planRoutes, type PlanRoutesOptions } from '../planner/planRoutes.ts';
import type { Clock } from '../ports/Clock.ts';
import { planInputKey } from './planInputKey.ts';
import { changedZones, repairReadyPlan } from './repairReadyPlan.ts';
import type { StartingPlan } from './startingPlan.ts';

/** Tier-1 lane-km a repair may leave unassigned beyond the plan kept (rounding), before the planner searches again from it instead. */
const TIER1_TOLERANCE_LANE_KM = 0.5;

const tier1LaneKm = (shortfalls: readonly Shortfall[]) => shortfalls.filter((s) => s.tier === 1).reduce((n, s) => n + s.laneKm, 0);
const taskCount = (plan: { teams: readonly { tasks: readonly unknown[] }[] }) => plan.teams.reduce((n, t) => n + t.tasks.length, 0);

/** A log entry's action, details and reason: which way the first wave was planned, for a manager to see. */
export interface PlanningNote {
  action: 'activation.plan-repaired' | 'activation.planned-cold';
  details: Record<string, unknown>;
  reason: string;
}

type Options = PlanRoutesOptions & { clock: Clock };
type FirstRound = { planned: AssignmentPlan; note: PlanningNote };

/**
 * A first wave's plan, from the plan kept ready when there is a fresh one, with the note that says how it
 * was made, with its counts and how long it took:
 * - nothing the planner reads changed since it was made (its input key): its teams are booked as they are,
 *   their times moved to the real start (repairReadyPlan); what that leaves is planned with the crews left free;
 * - something changed (the levels, the registry, the bookings, the crews' hours), or keeping the routes left
 *   tier 1 worse covered than the plan kept: the planner searches again from the plan kept, less what
 *   changed (planRoutes' start), on a share of an activation's budget. The plan kept was made on a larger
 *   budget than an activation can afford (readyWork), so the search from it plans at least as well as one
 *   from nothing in less time (bench:readiness);
 * - no plan kept, or a stale one: planned from nothing.
 */
export function planFirstRound(input: PlannerInput, from: StartingPlan, options: Options): FirstRound {
  const started = options.clock.now().getTime();
  if ('cold' in from) return cold(input, options, started, from.cold);
  const { ready } = from;
  if (planInputKey(input) !== ready.inputKey) return searched(input, ready, options, started, 'what the planner reads changed since it was made');
  const { repair, ...planned } = repairReadyPlan(input, ready, options);
  const lost = tier1LaneKm(planned.shortfalls) - tier1LaneKm(ready.shortfalls);
  // Kept teams hold their routes, so what was dropped goes only to the crews left free: the search may do better.
  if (lost > TIER1_TOLERANCE_LANE_KM) return searched(input, ready, options, started, `keeping its routes left ${lost.toFixed(1)} lane-km more of tier 1 unassigned than it had (${repair.droppedTasks} tasks dropped)`);
  return {
    planned,
    note: {
      action: 'activation.plan-repaired',
      details: { from: 'routes kept', ...repair, shortfalls: planned.shortfalls.length, readyPlanMadeAt: ready.madeAt, ms: options.clock.now().getTime() - started },
      reason: 'the plan kept ready on watch, its routes kept: nothing the planner reads changed since it was made',
    },
  };
}

function searched(input: PlannerInput, ready: ReadyPlan, options: Options, started: number, why: string): FirstRound {
  const planned = planRoutes(input, { ...options, start: ready.teams });
  const kept = planned.stats?.kept ?? { teams: 0, tasks: 0 };
  return {
    planned,
    note: {
      action: 'activation.plan-repaired',
      details: {
        from: 'searched from the plan kept', zonesChanged: changedZones(ready.zoneLevels, input.zoneLevels),
        keptTeams: kept.teams, keptTasks: kept.tasks, droppedTeams: ready.teams.length - kept.teams, droppedTasks: taskCount(ready) - kept.tasks,
        teams: planned.teams.length, tasks: taskCount(planned), shortfalls: planned.shortfalls.length, readyPlanMadeAt: ready.madeAt, ms: options.clock.now().getTime() - started,
      },
      reason: `the plan kept ready on watch, less what changed, completed and improved by the planner: ${why}`,
    },
  };
}

function cold(input: PlannerInput, options: Options, started: number, reason: string): FirstRound {
  const planned = planRoutes(input, options);
  return { planned, note: { action: 'activation.planned-cold', details: { teams: planned.teams.length, tasks: taskCount(planned), shortfalls: planned.shortfalls.length, ms: options.clock.now().getTime() - started }, reason } };
}
