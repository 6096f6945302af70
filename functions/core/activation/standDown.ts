import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import type { Activation } from '../operations/Activation.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchReceipt, DispatchRequests } from '../ports/DispatchRequests.ts';
import { currentEvidence } from '../triggers/currentEvidence.ts';
import { loggedEvidence } from '../triggers/loggedEvidence.ts';
import { standDownUnfinished } from './standDownUnfinished.ts';

export interface StandDownRequest {
  activationId: string;
  actor: string;
  reason: string;
}

function alreadyClosed(activation: Activation): ConflictError {
  return new ConflictError(
    `activation ${activation.id} was already stood down${activation.closedAt ? ` at ${activation.closedAt}` : ''}${activation.closedBy ? ` by ${activation.closedBy}` : ''}; nothing to do`,
    { activationId: activation.id, status: activation.status, closedAt: activation.closedAt, closedBy: activation.closedBy },
  );
}

/**
 * Ends an activation: closes it (nothing can be booked on it after), logs who and why, and hands it to dispatch,
 * which cancels its open tasks (freeing crews and vehicles) and tells the crews already sent out that their tasks
 * are called off. The cancellations are the dispatcher's so that the answer does not wait for a city's thousands of
 * them (36 s at 5,000 roads on DynamoDB Local, past API Gateway's 29 s). The close counts as a booking run
 * (withBookingRun's marks): until a dispatch has finished the cancellations, the activation reads unfinished, a
 * repeated stand-down hands it to dispatch again and the poller does too (resumeStandDown), so a run that dies
 * between the close and the hand-over leaves nothing undone. Standing down a finished stand-down is a conflict.
 */
export async function standDown(deps: Pick<CoreDeps, 'log' | 'clock' | 'zoneStates' | 'activations'> & { dispatch: DispatchRequests }, request: StandDownRequest): Promise<{ activation: Activation; dispatch: DispatchReceipt }> {
  const activation = await deps.activations.getActivation(request.activationId);
  if (!activation) throw new NotFoundError('activation', request.activationId);
  if (activation.status !== 'open') {
    if (!standDownUnfinished(activation)) throw alreadyClosed(activation);
    return { activation, dispatch: await deps.dispatch.request({ activationId: activation.id }) };
  }
  await deps.activations.noteBookingRun(activation.id);
  const at = deps.clock.now().toISOString();
  if ((await deps.activations.closeActivation(activation.id, { closedAt: at, closedBy: request.actor, closeReason: request.reason })) === 'not-open') {
    throw alreadyClosed((await deps.activations.getActivation(activation.id)) ?? activation);
  }
  const minutesOpen = Math.round((Date.parse(at) - Date.parse(activation.openedAt)) / 60_000);
  // What the forecast said when the officer stood down: the decision is judged against it later. The tasks the
  // dispatcher cancels are named in its own entry (tasks.cancelled).
  await deps.log.append({
    activationId: activation.id, at, actor: request.actor, action: 'activation.stood-down', subject: `activation:${activation.id}`,
    details: { level: activation.level, minutesOpen, ...loggedEvidence(await currentEvidence(deps)) }, reason: request.reason,
  });
  const dispatch = await deps.dispatch.request({ activationId: activation.id });
  return { activation: { ...activation, status: 'stood-down', closedAt: at, closedBy: request.actor, closeReason: request.reason }, dispatch };
}
