import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchReceipt, DispatchRequests } from '../ports/DispatchRequests.ts';
import type { ForecastProvider } from '../ports/ForecastProvider.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import { handResumedWave, resumePlanning } from '../activation/resumePlanning.ts';
import type { PlanningRequests } from '../ports/PlanningRequests.ts';
import type { ReadyPlanRequests } from '../ports/ReadyPlanRequests.ts';
import { resumeStandDown } from '../activation/resumeStandDown.ts';
import type { Activation } from '../operations/Activation.ts';
import { keepReadyPlan, type ReadyPlanOutcome } from '../readiness/keepReadyPlan.ts';
import { pollCity, type PollResult } from './pollCity.ts';

/** Something booked since the last finished wave dispatch had read the activation (or, recorded before the counts were kept, a planned task of its wave). */
async function mayHaveUntoldTasks(deps: Pick<CoreDeps, 'tasks'>, open: Activation): Promise<boolean> {
  if (open.bookingRuns === undefined) return (await deps.tasks.listTasks(open.id)).some((t) => t.wave === open.wave && t.state === 'planned');
  return open.bookingRuns > (open.dispatchedBookingRuns ?? 0);
}

/**
 * A scheduled tick: poll every zone, act on the plan, and request the dispatch of the wave a new or upgraded
 * activation opened; with no activation open, it keeps a plan ready for the levels the forecast implies
 * (keepReadyPlan), which the activation repairs when the snow comes. With a `planning` port (deployed) the wave
 * of a new or upgraded activation is the planning worker's, and the poll only opens or upgrades it; so is the
 * plan kept ready (each poll that would keep it hands it over: made, confirmed or dropped there). Then it finishes what a failed run left: an open activation whose current wave was
 * never fully planned is planned and dispatched (resumePlanning; handed to the worker again where there is one), and one whose current wave still has planned tasks (its
 * dispatch request failed, in this poller's earlier run or in an officer's request) has its wave requested
 * again: dispatch is idempotent, and nothing booked is left untold. That is known from the activation's
 * booking-run counts, not from its tasks: a poll a minute reads no activation's whole task list. With none
 * open, a stand-down whose hand-over to dispatch was lost is handed over again (resumeStandDown).
 */
export async function pollAndDispatch(
  deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'ids' | 'zoneStates' | 'activations' | 'bookings' | 'tasks' | 'shortfalls' | 'readyPlans' | 'plannerBudget'> & { providers: ReadonlyMap<string, ForecastProvider>; sms: SmsSender; dispatch: DispatchRequests; planning?: PlanningRequests & ReadyPlanRequests },
): Promise<PollResult & { dispatch?: DispatchReceipt; ready?: ReadyPlanOutcome }> {
  const result = await pollCity(deps);
  const keepReady = () => keepReadyPlan(deps, result.zones, deps.planning ? { handTo: deps.planning } : {});
  // Handed to the planning worker, which books the wave and requests its dispatch itself.
  if (result.activation?.outcome === 'handed' || result.upgrade?.outcome === 'handed') return result;
  if (result.activation?.outcome === 'activated') {
    return { ...result, dispatch: await deps.dispatch.request({ activationId: result.activation.activation.id, shortfalls: result.activation.shortfalls }) };
  }
  if (result.upgrade?.outcome === 'upgraded') return { ...result, dispatch: await deps.dispatch.request({ activationId: result.upgrade.activation.id }) };
  const open = await deps.activations.getOpenActivation();
  if (!open) {
    const finishing = await resumeStandDown(deps);
    return { ...result, ready: await keepReady(), ...(finishing ? { dispatch: finishing } : {}) };
  }
  // While the open activation is a pre-treatment, the plan for the snow to come is still kept ready (its crews count as busy).
  const ready = open.preTreatment?.wave === open.wave ? { ready: await keepReady() } : {};
  if (deps.planning) {
    // The worker finishes the wave: a poll that planned it here would outlast its 2 minutes at city scale.
    if (await handResumedWave({ ...deps, planning: deps.planning }, open)) return { ...result, ...ready };
  }
  const resumed = deps.planning ? undefined : await resumePlanning(deps, open);
  if (resumed) return resumed.outcome === 'active' ? { ...result, ...ready, dispatch: resumed.dispatch } : { ...result, ...ready };
  if (await mayHaveUntoldTasks(deps, open)) {
    return { ...result, ...ready, dispatch: await deps.dispatch.request({ activationId: open.id }) };
  }
  return { ...result, ...ready };
}
