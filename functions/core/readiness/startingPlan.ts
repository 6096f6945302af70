import type { ReadyPlan } from '../operations/ReadyPlan.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';

/** Three polls (one every 15 minutes): a plan no poll confirmed for longer is no longer kept by one. */
export const READY_PLAN_MAX_AGE_MS = 45 * 60_000;

/** Where a first wave's plan starts: the plan kept ready on watch, to repair, or nothing (cold), and why. */
export type StartingPlan = { ready: ReadyPlan } | { cold: string };

/**
 * The plan an activation's first wave starts from: the plan kept ready while zones were on watch, when
 * there is one that a poll confirmed lately; otherwise the wave plans cold, from nothing (no watch came
 * before the snow, or the poller stopped keeping the plan).
 */
export async function startingPlan(deps: Pick<CoreDeps, 'readyPlans' | 'clock'>): Promise<StartingPlan> {
  const ready = await deps.readyPlans.getReadyPlan();
  if (!ready) return { cold: 'no plan was kept ready (no watch before the snow)' };
  const ageMs = deps.clock.now().getTime() - Date.parse(ready.checkedAt);
  if (ageMs > READY_PLAN_MAX_AGE_MS) return { cold: `the plan kept ready is stale: no poll confirmed it for ${Math.round(ageMs / 60_000)} minutes` };
  return { ready };
}
