import * as z from 'zod';

/**
 * How a city wants its planner to weigh things. Every field is optional; the planner fills in
 * defaults (see resolvePlannerSettings), so a plan without this block still plans.
 */
export const plannerSettingsSchema = z.object({
  /** Rest rule: most hours a crew may work in one rest period, counting hours already worked. */
  maxDutyHours: z.number().positive().max(24).optional(),
  /** Road distance over straight-line distance, for travel estimates. */
  detourFactor: z.number().min(1).max(3).optional(),
  /** Lending a crew outside its zone costs as much as this many km of deadhead per task. */
  lendPenaltyKm: z.number().min(0).optional(),
  /** Minutes to load a full load of material at the depot (a top-up takes its share). */
  reloadMinutes: z.number().min(0).max(240).optional(),
  /** Objective weights: dominant per-tier weights make the weighted sum behave lexicographically. */
  weights: z.object({
    /** Per unassigned lane-km, tier 1, 2, 3. */
    unassignedLaneKm: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]).optional(),
    /** Per hour until every tier-1 road is passable. */
    tier1PassableHour: z.number().min(0).optional(),
    /** Per km of deadhead travel. */
    deadheadKm: z.number().min(0).optional(),
  }).optional(),
});
export type PlannerSettings = z.infer<typeof plannerSettingsSchema>;
