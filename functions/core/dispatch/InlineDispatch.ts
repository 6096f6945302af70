import type { DispatchReceipt, DispatchRequest, DispatchRequests } from '../ports/DispatchRequests.ts';
import { dispatchWave } from './dispatchWave.ts';
import type { MessagingDeps } from './MessagingDeps.ts';

/** Dispatch in the caller's process: the wave is sent before request() returns (the local runtime, tests). */
export class InlineDispatch implements DispatchRequests {
  constructor(private readonly deps: MessagingDeps) {}

  async request(request: DispatchRequest): Promise<DispatchReceipt> {
    const summary = await dispatchWave(this.deps, request.activationId, request.shortfalls ? { shortfalls: request.shortfalls } : {});
    return { mode: 'sent', ...summary };
  }
}
