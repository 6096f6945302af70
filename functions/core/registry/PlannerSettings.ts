import * as z from '../../config/zod.ts';
import { boundedNumber } from './boundedText.ts';
import { NUMBER_LIMITS } from './limits.ts';

const weight = () => boundedNumber(NUMBER_LIMITS.plannerWeight);
const positiveWeight = () => weight().check(z.positive());

/**
 * How a city wants its planner to weigh things. Every field is optional; the planner fills in
 * defaults (see resolvePlannerSettings), so a plan without this block still plans.
 */
export const plannerSettingsSchema = z.object({
  /** Rest rule: most hours a crew may work in one rest period, counting hours already worked. */
  maxDutyHours: z.optional(z.number().check(z.positive(), z.lte(24))),
  /** Road distance over straight-line distance, for travel estimates. */
  detourFactor: z.optional(z.number().check(z.gte(1), z.lte(3))),
  /** Lending a crew outside its zone costs as much as this many km of deadhead per task. */
  lendPenaltyKm: z.optional(boundedNumber(NUMBER_LIMITS.lendPenaltyKm)),
  /** Minutes to load a full load of material at the depot (a top-up takes its share). */
  reloadMinutes: z.optional(z.number().check(z.gte(0), z.lte(240))),
  /** Objective weights: dominant per-tier weights make the weighted sum behave lexicographically. */
  weights: z.optional(z.object({
    /** Per unassigned lane-km, tier 1, 2, 3. */
    unassignedLaneKm: z.optional(z.tuple([positiveWeight(), positiveWeight(), positiveWeight()])),
    /** Per hour until every tier-1 road is passable. */
    tier1PassableHour: z.optional(weight()),
    /** Per km of deadhead travel. */
    deadheadKm: z.optional(weight()),
  })),
});
export type PlannerSettings = z.infer<typeof plannerSettingsSchema>;
