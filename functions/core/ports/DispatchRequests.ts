import type { DispatchSummary } from '../dispatch/dispatchWave.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';

/** Send an activation's current wave; shortfalls given here are texted to the duty officer with it. */
export interface DispatchRequest {
  activationId: string;
  shortfalls?: readonly Shortfall[];
}

/** One team whose booking has just landed: its tasks (one crew, one vehicle), of `activation`'s current wave. */
export interface BookedTeam {
  activation: Activation;
  tasks: readonly Task[];
}

/** What became of a request: sent before the call returned (with the summary), or queued for the dispatcher. */
export type DispatchReceipt = ({ mode: 'sent' } & DispatchSummary) | { mode: 'queued' };

/**
 * Where a new or upgraded activation hands its wave. Deployed, a queue that the dispatcher Lambda (one
 * container, so one SMS pace) works from; locally and in tests, dispatch in the caller's process.
 */
export interface DispatchRequests {
  request(request: DispatchRequest): Promise<DispatchReceipt>;
  /**
   * Streams the first wave: a team handed here the moment its booking landed, to be texted while the rest
   * is still being booked, instead of after the whole plan. Returns once handed, not sent; it never throws
   * for a send, because the wave's request() that follows is the safety net and sends whatever was not.
   * Optional: without it the wave goes out whole at request().
   */
  handTeam?(team: BookedTeam): void;
}
