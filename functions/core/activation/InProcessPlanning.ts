import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { PlanningRequest, PlanningRequests } from '../ports/PlanningRequests.ts';
import type { ReadyPlanRequest, ReadyPlanRequests } from '../ports/ReadyPlanRequests.ts';
import { keepReadyOnRequest } from '../readiness/keepReadyOnRequest.ts';
import { planActivationWave, type PlanningDeps, type WaveOutcome } from './planActivationWave.ts';

/**
 * Planning in the caller's process, off the request: request() starts the wave's planning and returns
 * without waiting for it (the local runtime), and keepReady() the plan kept ready on watch. A run that throws
 * is reported to `onError`; the wave is then open and unplanned, which the poller's resumePlanning finishes,
 * as it would after a crashed worker.
 */
export class InProcessPlanning implements PlanningRequests, ReadyPlanRequests {
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: PlanningDeps & Pick<CoreDeps, 'zoneStates'>,
    private readonly onError: (error: unknown, request: PlanningRequest | ReadyPlanRequest) => void,
    /** Told each wave's outcome (the local demo prints what the wave booked). */
    private readonly onPlanned?: (outcome: WaveOutcome, request: PlanningRequest) => void,
  ) {}

  async request(request: PlanningRequest): Promise<void> {
    this.track(planActivationWave(this.deps, request).then((outcome) => this.onPlanned?.(outcome, request), (error: unknown) => this.onError(error, request)));
  }

  async keepReady(request: ReadyPlanRequest): Promise<void> {
    this.track(keepReadyOnRequest(this.deps, request).catch((error: unknown) => this.onError(error, request)));
  }

  private track(run: Promise<unknown>): void {
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  /** Resolves when every wave requested so far has settled (the local runtime's shutdown; tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
