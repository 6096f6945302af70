import type { PlanningRequest, PlanningRequests } from '../ports/PlanningRequests.ts';
import { planActivationWave, type PlanningDeps } from './planActivationWave.ts';

/**
 * Planning in the caller's process, off the request: request() starts the wave's planning and returns
 * without waiting for it (the local runtime). A run that throws is reported to `onError`; the wave is
 * then open and unplanned, which the poller's resumePlanning finishes, as it would after a crashed worker.
 */
export class InProcessPlanning implements PlanningRequests {
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: PlanningDeps,
    private readonly onError: (error: unknown, request: PlanningRequest) => void,
  ) {}

  async request(request: PlanningRequest): Promise<void> {
    const run = planActivationWave(this.deps, request).catch((error: unknown) => this.onError(error, request));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  /** Resolves when every wave requested so far has settled (the local runtime's shutdown; tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
