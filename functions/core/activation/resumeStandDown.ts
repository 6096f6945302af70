import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchReceipt, DispatchRequests } from '../ports/DispatchRequests.ts';
import { standDownUnfinished } from './standDownUnfinished.ts';

/**
 * The poller's safety net for a stand-down whose hand-over to dispatch was lost (its run died after the close, or
 * the dispatcher gave up): the latest activation, stood down and unfinished, is handed to dispatch again, which
 * cancels what is still open and tells whom it has not told. Undefined when there is nothing to finish.
 */
export async function resumeStandDown(deps: Pick<CoreDeps, 'activations'> & { dispatch: DispatchRequests }): Promise<DispatchReceipt | undefined> {
  const [latest] = await deps.activations.listActivations(1);
  if (!latest || !standDownUnfinished(latest)) return undefined;
  return deps.dispatch.request({ activationId: latest.id });
}
