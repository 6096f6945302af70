import type { PlanningRequest, PlanningRequests } from '../../functions/core/ports/PlanningRequests.ts';
import type { ReadyPlanRequest, ReadyPlanRequests } from '../../functions/core/ports/ReadyPlanRequests.ts';

/**
 * The planning queue as deployed (SqsPlanningRequests): the poller only opens or upgrades the activation
 * and enqueues its wave, or the plan kept ready on watch; the activation planner, a Lambda of its own, plans,
 * books and hands it to dispatch. The bench drains it as the planner's invocations.
 */
export class QueuedPlanning implements PlanningRequests, ReadyPlanRequests {
  private readonly queue: PlanningRequest[] = [];
  private readonly ready: ReadyPlanRequest[] = [];

  async request(request: PlanningRequest): Promise<void> {
    this.queue.push(request);
  }

  async keepReady(request: ReadyPlanRequest): Promise<void> {
    this.ready.push(request);
  }

  take(): PlanningRequest | undefined {
    return this.queue.shift();
  }

  takeReady(): ReadyPlanRequest | undefined {
    return this.ready.shift();
  }
}
