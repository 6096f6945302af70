import { loadPlannerInput } from '../activation/loadPlannerInput.ts';
import type { ZoneState } from '../operations/ZoneState.ts';
import { READY_SAFETY_CAP_MS } from '../planner/PlannerBudget.ts';
import { planRoutes } from '../planner/planRoutes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { ReadyPlanRequests } from '../ports/ReadyPlanRequests.ts';
import { planInputKey } from './planInputKey.ts';
import { impliedLevels } from './impliedLevels.ts';

export type ReadyPlanOutcome =
  | { outcome: 'made'; teams: number; tasks: number; shortfalls: number }
  | { outcome: 'unchanged' }
  | { outcome: 'dropped' }
  | { outcome: 'none' }
  /** Left to the planning worker (the `handTo` port), which makes or confirms it. */
  | { outcome: 'handed' }
  /** Keeping it failed (logged): the poll stands, and an activation plans cold. */
  | { outcome: 'failed'; reason: string };

const sameLevels = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([zone, level]) => b[zone] === level);

export type ReadinessDeps = Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'bookings' | 'tasks' | 'readyPlans' | 'plannerBudget'>;

export interface KeepOptions {
  /** Who keeps it, for the log: the poller (in its run, or handing it over), or the planning worker. */
  actor?: 'poller' | 'planner';
  /**
   * The planning worker to hand the plan to (deployed: the planning queue), which makes, confirms or drops it:
   * the poller then neither plans in its own 512 MB and 2 minutes nor reads the plan kept.
   */
  handTo?: ReadyPlanRequests;
}

/**
 * Keeps a plan ready while zones are on watch and no activation is open (the poller, every poll): the
 * teams the planner would book at the levels the forecast implies, remade only when the forecast's levels,
 * the registry, the bookings or the crews' working windows at the start changed since it was made (else the poll only confirms it). Dropped when
 * the watch ends. Nothing is booked: an activation repairs the plan against what changed (planFirstRound)
 * instead of planning from nothing. Made off the first wave's path, it thinks longer than an activation's
 * plan (the planner's `ahead` budget, readyWork), within READY_SAFETY_CAP_MS. With `handTo` (deployed) the
 * poller hands the making to the planning worker, which calls this again without it (keepReadyOnRequest).
 */
export async function keepReadyPlan(deps: ReadinessDeps, states: readonly ZoneState[], options: KeepOptions = {}): Promise<ReadyPlanOutcome> {
  const actor = options.actor ?? 'poller';
  try {
    return await keep(deps, states, actor, options.handTo);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await deps.log.append({ activationId: 'system', at: deps.clock.now().toISOString(), actor, action: 'ready-plan.failed', details: {}, reason });
    return { outcome: 'failed', reason };
  }
}

async function keep(deps: ReadinessDeps, states: readonly ZoneState[], actor: string, handTo: ReadyPlanRequests | undefined): Promise<ReadyPlanOutcome> {
  const zoneLevels = impliedLevels(states);
  const at = deps.clock.now().toISOString();
  // Dropping it too: the plan kept is megabytes at city scale, and the poller does not read it.
  if (handTo) {
    await handTo.keepReady({ requestedAt: at });
    return { outcome: 'handed' };
  }
  const kept = await deps.readyPlans.getReadyPlan();
  if (Object.keys(zoneLevels).length === 0) {
    if (!kept) return { outcome: 'none' };
    await deps.readyPlans.clearReadyPlan();
    await deps.log.append({ activationId: 'system', at, actor, action: 'ready-plan.dropped', details: { zoneLevels: kept.zoneLevels, madeAt: kept.madeAt }, reason: 'nothing is forecast any more' });
    return { outcome: 'dropped' };
  }
  const input = await loadPlannerInput(deps, zoneLevels);
  const inputKey = planInputKey(input);
  if (kept?.inputKey === inputKey && (await deps.readyPlans.confirmReadyPlan(inputKey, at))) return { outcome: 'unchanged' };
  const planned = planRoutes(input, { safetyCapMs: READY_SAFETY_CAP_MS, ...deps.plannerBudget, clock: deps.clock, ahead: true });
  await deps.readyPlans.saveReadyPlan({ zoneLevels, inputKey, madeAt: at, checkedAt: at, startAt: input.startAt.toISOString(), teams: planned.teams, shortfalls: planned.shortfalls });
  const tasks = planned.teams.reduce((n, t) => n + t.tasks.length, 0);
  const why = !kept ? 'zones went on watch' : sameLevels(kept.zoneLevels, zoneLevels) ? 'the registry, the bookings or the crews\' working time at the start changed' : 'the forecast changed the levels on watch';
  await deps.log.append({
    activationId: 'system', at, actor, action: 'ready-plan.made',
    details: { zoneLevels, teams: planned.teams.length, tasks, shortfalls: planned.shortfalls.length, ...(planned.stats ? { ms: planned.stats.ms } : {}) }, reason: why,
  });
  return { outcome: 'made', teams: planned.teams.length, tasks, shortfalls: planned.shortfalls.length };
}
