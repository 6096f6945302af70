import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { ReadyPlanRequest } from '../ports/ReadyPlanRequests.ts';
import { keepReadyPlan, type ReadinessDeps, type ReadyPlanOutcome } from './keepReadyPlan.ts';

export type ReadyRequestOutcome = ReadyPlanOutcome | { outcome: 'stale'; reason: string };

/**
 * The planning worker's part of keeping a plan ready (the poller hands it over each poll with no activation open):
 * from the zone states as the latest poll saved them, not as they were when it asked, it makes the plan, or
 * confirms the one kept, or drops it when the watch has ended meanwhile (keepReadyPlan). Nothing is made
 * once an activation has opened since the request (its first wave uses the plan kept, or plans cold), unless
 * that activation is still in its pre-treatment wave: the plan for the snow to come is kept ready through it.
 */
export async function keepReadyOnRequest(deps: ReadinessDeps & Pick<CoreDeps, 'zoneStates' | 'activations'>, _request: ReadyPlanRequest): Promise<ReadyRequestOutcome> {
  const open = await deps.activations.getOpenActivation();
  if (open && open.preTreatment?.wave !== open.wave) return { outcome: 'stale', reason: `activation ${open.id} opened since the request` };
  return keepReadyPlan(deps, await deps.zoneStates.getZoneStates(), { actor: 'planner' });
}
