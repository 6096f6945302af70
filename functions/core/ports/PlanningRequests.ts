import type { ActivationUpgrade } from '../operations/ActivationUpgrade.ts';

/** Plan, book and dispatch one wave of an activation that an officer opened or upgraded. */
export interface PlanningRequest {
  activationId: string;
  wave: number;
  /** For an upgrade: the level, zone levels and wave it upgraded the activation from, restored if the planning fails. */
  upgradedFrom?: ActivationUpgrade;
}

/**
 * Where an officer's activation or upgrade hands its wave, so that the request answers at once (202)
 * and the planning runs off the request path. Deployed, a queue that the activation planner Lambda works
 * from; locally, a job in the same process that the request does not wait for.
 */
export interface PlanningRequests {
  request(request: PlanningRequest): Promise<void>;
}
