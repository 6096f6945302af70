import type { DispatchReceipt, DispatchRequest, DispatchRequests } from '../../functions/core/ports/DispatchRequests.ts';

/**
 * The dispatch queue as deployed (SqsDispatchRequests): the poller only enqueues the wave, and the
 * dispatcher, a Lambda of its own, sends it. The bench drains it as the dispatcher's invocations.
 */
export class QueuedDispatch implements DispatchRequests {
  private readonly queue: DispatchRequest[] = [];

  async request(request: DispatchRequest): Promise<DispatchReceipt> {
    this.queue.push(request);
    return { mode: 'queued' };
  }

  take(): DispatchRequest | undefined {
    return this.queue.shift();
  }
}
