import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { DispatchReceipt, DispatchRequests } from '../ports/DispatchRequests.ts';
import { currentEvidence } from '../triggers/currentEvidence.ts';
import { cancelOpenTasks } from './cancelOpenTasks.ts';

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
 * Ends an activation: cancels its open tasks (freeing crews and vehicles), hands it to dispatch (which
 * tells the crews already sent out that their tasks are called off), closes it and logs who and why.
 */
export async function standDown(deps: Pick<CoreDeps, 'log' | 'clock' | 'zoneStates' | 'activations' | 'tasks'> & { dispatch: DispatchRequests }, request: StandDownRequest): Promise<{ activation: Activation; cancelled: Task[]; dispatch: DispatchReceipt }> {
  const activation = await deps.activations.getActivation(request.activationId);
  if (!activation) throw new NotFoundError('activation', request.activationId);
  if (activation.status !== 'open') throw alreadyClosed(activation);
  // Tasks first: a crash here leaves the activation open, so the stand-down can simply be repeated.
  const cancelled = await cancelOpenTasks(deps, activation.id, () => true, { actor: request.actor, reason: `stand-down: ${request.reason}` });
  // Handed on before the close, so a run that dies after closing has nothing left undone: the crews are told.
  const dispatch = await deps.dispatch.request({ activationId: activation.id });
  const at = deps.clock.now().toISOString();
  if ((await deps.activations.closeActivation(activation.id, { closedAt: at, closedBy: request.actor, closeReason: request.reason })) === 'not-open') {
    throw alreadyClosed((await deps.activations.getActivation(activation.id)) ?? activation);
  }
  // A replacement booked while this ran (a "9" answered between the cancel and the close) is cancelled too;
  // nothing can be booked once it is closed. Its crew may have been sent it: dispatch tells them.
  const late = await cancelOpenTasks(deps, activation.id, () => true, { actor: request.actor, reason: `stand-down: ${request.reason}` });
  if (late.length > 0) {
    cancelled.push(...late);
    await deps.dispatch.request({ activationId: activation.id });
  }
  const minutesOpen = Math.round((Date.parse(at) - Date.parse(activation.openedAt)) / 60_000);
  // What the forecast said when the officer stood down: the decision is judged against it later.
  await deps.log.append({
    activationId: activation.id, at, actor: request.actor, action: 'activation.stood-down', subject: `activation:${activation.id}`,
    details: { level: activation.level, cancelledTasks: cancelled.map((t) => t.code), minutesOpen, evidence: await currentEvidence(deps) }, reason: request.reason,
  });
  return { activation: { ...activation, status: 'stood-down', closedAt: at, closedBy: request.actor, closeReason: request.reason }, cancelled, dispatch };
}
