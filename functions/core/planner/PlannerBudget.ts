import type { Clock } from '../ports/Clock.ts';
import type { PlanningModel } from './PlanningModel.ts';
import { MAX_READY_WORK, MAX_WORK, MIN_WORK, READY_WORK_PER_CANDIDATE, START_WORK_SHARE, WORK_PER_CANDIDATE } from './search/tuning.ts';

/**
 * How long the planner may think. The work budget (the search's own count of what it does) decides
 * every stop, so the same seed and input give the same plan on any machine; the wall-clock cap is a
 * safety net only, read through the Clock port, for a machine far slower than expected.
 */
export interface PlannerBudget {
  /** Work units for the search; default: scaled to the instance (defaultWork). */
  work?: number;
  /** Stop searching this many ms after planning began, whatever the work count (default defaultSafetyCapMs(work) when a clock is given). */
  safetyCapMs?: number;
}

/**
 * The least safety cap: far above what a city of a few thousand roads takes on this project's
 * 2-core machine even when loaded (bench:planner), and well inside API Gateway's 29 s for an
 * activation planned in the request.
 */
export const DEFAULT_SAFETY_CAP_MS = 15_000;

/**
 * Safety cap per work unit above that floor: 1 s per million units, about three times what model
 * building and search together take per unit on this machine (CPU time; large: 2.6 s for 1e7; xlarge:
 * 18 s for 6e7). A fixed 15 s cut every 50,000-road plan short on this machine even unloaded (its model
 * alone takes 6 s), so the same seed and input did not give the same plan there.
 */
export const SAFETY_CAP_MS_PER_WORK = 1e-3;

/** The default safety cap for a work budget: it grows with the budget, which grows with the city. */
export function defaultSafetyCapMs(work: number): number {
  return Math.max(DEFAULT_SAFETY_CAP_MS, Math.round(work * SAFETY_CAP_MS_PER_WORK));
}

/** The default work budget: in proportion to the model's candidates, within bounds. */
export function defaultWork(model: PlanningModel): number {
  return Math.round(Math.min(MAX_WORK, Math.max(MIN_WORK, WORK_PER_CANDIDATE * model.candVehicle.length)));
}

/**
 * The safety cap of a plan made ahead of the snow: a third of the activation planner's 15 minutes
 * (lib/activation/ActivationPlanner.ts), where the poller hands the plan kept ready to be made, so that a slow
 * run ends with its plan cut short rather than killed. It was half the poller's two minutes while the poller
 * made it, and a 50,000-road plan reached 58 s of those 60 s (and 509 MB of the poller's 512 MB).
 */
export const READY_SAFETY_CAP_MS = 300_000;

/**
 * The default work budget for a plan made ahead of the snow (the plan kept ready on watch): it is made off
 * the first wave's path, so it thinks longer than an activation's plan, and never less.
 */
export function readyWork(model: PlanningModel): number {
  return Math.round(Math.max(defaultWork(model), Math.min(MAX_READY_WORK, READY_WORK_PER_CANDIDATE * model.candVehicle.length)));
}

/** A safety-cap check for the search: true once `capMs` have passed on `clock` since `startMs`. */
export function safetyCap(clock: Clock | undefined, startMs: number, capMs: number): (() => boolean) | undefined {
  if (!clock) return undefined;
  return () => clock.now().getTime() - startMs > capMs;
}

/**
 * The default work budget when the search starts from a given plan (the plan kept ready, repaired): a
 * share of a plan from nothing's, never below the small-city floor. The start is a plan already searched
 * on nearly the same input: in the model's terms a third of the search reaches a plan as good (START_WORK_SHARE).
 */
export function startWork(model: PlanningModel): number {
  return Math.round(Math.max(MIN_WORK, START_WORK_SHARE * defaultWork(model)));
}
