import type { PlanningRequest, PlanningRequests } from '../../functions/core/ports/PlanningRequests.ts';

/**
 * The planning queue as deployed (SqsPlanningRequests): the poller only opens or upgrades the activation
 * and enqueues its wave; the activation planner, a Lambda of its own, plans, books and hands it to dispatch.
 * The bench drains it as the planner's invocations.
 */
export class QueuedPlanning implements PlanningRequests {
  private readonly queue: PlanningRequest[] = [];

  async request(request: PlanningRequest): Promise<void> {
    this.queue.push(request);
  }

  take(): PlanningRequest | undefined {
    return this.queue.shift();
  }
}
