import type { CityPlan } from '../registry/CityPlan.ts';

/** The planner's settings with every default filled in. */
export interface ResolvedPlannerSettings {
  maxDutyHours: number;
  detourFactor: number;
  lendPenaltyKm: number;
  reloadMinutes: number;
  weights: {
    /** Per unassigned lane-km, by tier (index 0 = tier 1). */
    unassignedLaneKm: readonly [number, number, number];
    tier1PassableHour: number;
    deadheadKm: number;
  };
}

/**
 * Defaults: a tier's lane-km weighs 100 times the next tier's, an hour of tier-1 delay weighs less
 * than a lane-km of tier 3, and 100 km of deadhead weigh one such hour, so the weighted sum ranks
 * plans as the lexicographic objective does on any city-sized instance.
 */
export const DEFAULT_PLANNER_SETTINGS: ResolvedPlannerSettings = {
  maxDutyHours: 12,
  detourFactor: 1.3,
  lendPenaltyKm: 3,
  reloadMinutes: 20,
  weights: { unassignedLaneKm: [1_000_000, 10_000, 100], tier1PassableHour: 10, deadheadKm: 0.1 },
};

/** The plan's planner settings over the defaults. */
export function resolvePlannerSettings(plan: CityPlan): ResolvedPlannerSettings {
  const p = plan.planner ?? {};
  const d = DEFAULT_PLANNER_SETTINGS;
  return {
    maxDutyHours: p.maxDutyHours ?? d.maxDutyHours,
    detourFactor: p.detourFactor ?? d.detourFactor,
    lendPenaltyKm: p.lendPenaltyKm ?? d.lendPenaltyKm,
    reloadMinutes: p.reloadMinutes ?? d.reloadMinutes,
    weights: {
      unassignedLaneKm: p.weights?.unassignedLaneKm ?? d.weights.unassignedLaneKm,
      tier1PassableHour: p.weights?.tier1PassableHour ?? d.weights.tier1PassableHour,
      deadheadKm: p.weights?.deadheadKm ?? d.weights.deadheadKm,
    },
  };
}
