import type { Clock } from '../ports/Clock.ts';
import type { PlanningModel } from './PlanningModel.ts';
import { MAX_WORK, MIN_WORK, WORK_PER_CANDIDATE } from './search/tuning.ts';

/**
 * How long the planner may think. The work budget (the search's own count of what it does) decides
 * every stop, so the same seed and input give the same plan on any machine; the wall-clock cap is a
 * safety net only, read through the Clock port, for a machine far slower than expected.
 */
export interface PlannerBudget {
  /** Work units for the search; default: scaled to the instance (defaultWork). */
  work?: number;
  /** Stop searching this many ms after planning began, whatever the work count (default DEFAULT_SAFETY_CAP_MS when a clock is given). */
  safetyCapMs?: number;
}

/**
 * The default safety cap: far above what the default work budget takes on this project's 2-core
 * machine even when loaded (bench:planner), and well inside API Gateway's 29 s for an activation
 * planned in the request.
 */
export const DEFAULT_SAFETY_CAP_MS = 15_000;

/** The default work budget: in proportion to the model's candidates, within bounds. */
export function defaultWork(model: PlanningModel): number {
  return Math.round(Math.min(MAX_WORK, Math.max(MIN_WORK, WORK_PER_CANDIDATE * model.candVehicle.length)));
}

/** A safety-cap check for the search: true once `capMs` have passed on `clock` since `startMs`. */
export function safetyCap(clock: Clock | undefined, startMs: number, capMs = DEFAULT_SAFETY_CAP_MS): (() => boolean) | undefined {
  if (!clock) return undefined;
  return () => clock.now().getTime() - startMs > capMs;
}
