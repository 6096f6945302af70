/** Make or confirm the plan kept ready, from the zone states the poll saved (core/readiness/keepReadyOnRequest.ts). */
export interface ReadyPlanRequest {
  /** When the poll asked (ISO): for the worker's log, not a condition. */
  requestedAt: string;
}

/**
 * Where the poller hands the plan kept ready (made while zones are on watch, dropped after): deployed, the planning queue that the
 * activation planner Lambda (15 minutes, 2 GB) works from, as it hands an activation's wave. At 50,000 roads
 * making that plan took 509 MB of the poller's 512 MB and 58 s of the 60 s it was allowed there.
 */
export interface ReadyPlanRequests {
  keepReady(request: ReadyPlanRequest): Promise<void>;
}
