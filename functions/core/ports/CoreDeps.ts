import type { SmsPace } from '../dispatch/SmsPace.ts';
import type { PlannerBudget } from '../planner/PlannerBudget.ts';
import type { Clock } from './Clock.ts';
import type { IdGenerator } from './IdGenerator.ts';
import type { OperationsPorts } from './OperationsPorts.ts';
import type { RegistryStore } from './RegistryStore.ts';
import type { ResponseLog } from './ResponseLog.ts';

/** Every port a use case in core may ask for (each asks for the ones it uses), instead of reaching for AWS or the environment. */
export interface CoreDeps extends OperationsPorts {
  registry: RegistryStore;
  log: ResponseLog;
  clock: Clock;
  ids: IdGenerator;
  /** How long the planner may think (default: a work budget scaled to the city, with a wall-clock safety cap). */
  plannerBudget?: PlannerBudget;
  /** The stage's SMS pace, where the composition knows it: previews and waves say how long their SMS take to send. */
  smsPace?: SmsPace;
}
