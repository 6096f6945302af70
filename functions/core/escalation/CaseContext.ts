import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';

/** What deciding a tasking's next step needs to know besides the case itself. */
export interface CaseContext {
  activation: Activation | undefined;
  plan: CityPlan;
  crew: Crew | undefined;
  /** Current state of the activation's tasks (at least the case's). */
  tasks: readonly Task[];
}
