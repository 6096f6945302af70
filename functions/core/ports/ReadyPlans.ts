import type { ReadyPlan } from '../operations/ReadyPlan.ts';

/** The one plan kept ready while zones are on watch (core/readiness/keepReadyPlan.ts). */
export interface ReadyPlans {
  /** The plan kept, or undefined when there is none (or it could not be read whole: plan cold then). */
  getReadyPlan(): Promise<ReadyPlan | undefined>;
  /** Replaces the plan kept, unless the one kept was made later (a slower run's older plan never wins). */
  saveReadyPlan(plan: ReadyPlan): Promise<void>;
  /** Records that a poll found the plan kept still made from what it is planned from now; false when the plan kept is another (or none). */
  confirmReadyPlan(inputKey: string, checkedAt: string): Promise<boolean>;
  /** Drops the plan kept (the watch ended, or an activation used it). */
  clearReadyPlan(): Promise<void>;
}
