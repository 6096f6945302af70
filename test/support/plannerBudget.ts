import type { PlannerBudget } from '../../functions/core/planner/PlannerBudget.ts';

/**
 * The planner's budget where a test checks what a use case decides or an invariant that holds whatever the plan
 * (no crew booked twice, every pass tasked or reported short), not how good a plan is: a tenth of the small-city
 * work floor (MIN_WORK, 250,000 units), still a real search from insertion on, over the same booking and dispatch
 * code. Planning at the floor was most of these tests' time (cc59643: the reliability storms). The planner's own
 * tests (test/unit/planner) and bench:planner judge plans at the real budgets.
 */
export const INVARIANT_PLANNER_BUDGET: PlannerBudget = { work: 25_000 };
