import type { PlannerBudget } from '../planner/PlannerBudget.ts';
import type { Clock } from './Clock.ts';
import type { IdGenerator } from './IdGenerator.ts';
import type { OperationsStore } from './OperationsStore.ts';
import type { RegistryStore } from './RegistryStore.ts';
import type { ResponseLog } from './ResponseLog.ts';

/** What every use case in core is given, instead of reaching for AWS or the environment. */
export interface CoreDeps {
  registry: RegistryStore;
  ops: OperationsStore;
  log: ResponseLog;
  clock: Clock;
  ids: IdGenerator;
  /** How long the planner may think (default: a work budget scaled to the city, with a wall-clock safety cap). */
  plannerBudget?: PlannerBudget;
}
