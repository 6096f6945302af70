import type { DispatchSummary } from '../dispatch/dispatchWave.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';

/** Send an activation's current wave; shortfalls given here are texted to the duty officer with it. */
export interface DispatchRequest {
  activationId: string;
  shortfalls?: readonly Shortfall[];
}

/** What became of a request: sent before the call returned (with the summary), or queued for the dispatcher. */
export type DispatchReceipt = ({ mode: 'sent' } & DispatchSummary) | { mode: 'queued' };

/**
 * Where a new or raised activation hands its wave. Deployed, a queue that the dispatcher Lambda (one
 * container, so one SMS pace) works from; locally and in tests, dispatchWave in the caller's process.
 */
export interface DispatchRequests {
  request(request: DispatchRequest): Promise<DispatchReceipt>;
}
