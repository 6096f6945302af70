/**
 * Planning failed after some booked teams had already been handed to dispatch (their SMS may be out):
 * those stand, the activation stays open with its wave unplanned, and the poller's resumePlanning finishes it.
 */
export class PlanningInterruptedError extends Error {
  constructor(
    readonly handedTeams: number,
    override readonly cause: unknown,
  ) {
    super(`planning stopped after ${handedTeams} booked teams had been handed to dispatch: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PlanningInterruptedError';
  }
}
