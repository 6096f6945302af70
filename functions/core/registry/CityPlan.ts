import { z } from 'zod';
import { ACTIVE_LEVELS } from '../levels/ResponseLevel.ts';

const activeLevel = z.enum(ACTIVE_LEVELS as unknown as ['IV', 'III', 'II', 'I']);

import { plannerSettingsSchema } from './PlannerSettings.ts';

/** One blizzard rule: snow water (mm) summed over a rolling window of hours reaches a level. */
export const blizzardThresholdSchema = z.object({
  level: activeLevel,
  windowHours: z.number().int().positive().max(72),
  waterMm: z.number().positive(),
});
export type BlizzardThreshold = z.infer<typeof blizzardThresholdSchema>;

/** CMA blizzard signal criteria: blue 12 h ≥ 4 mm, yellow 12 h ≥ 6 mm, orange 6 h ≥ 10 mm, red 6 h ≥ 15 mm. */
export const CMA_BLIZZARD_THRESHOLDS: BlizzardThreshold[] = [
  { level: 'IV', windowHours: 12, waterMm: 4 },
  { level: 'III', windowHours: 12, waterMm: 6 },
  { level: 'II', windowHours: 6, waterMm: 10 },
  { level: 'I', windowHours: 6, waterMm: 15 },
];

export const cityPlanSchema = z.object({
  id: z.string().min(1),
  city: z.string().min(1),
  /** IANA time zone the city reads times in. */
  timeZone: z.string().min(1),
  defaultLanguage: z.enum(['zh-CN', 'en']),
  /** Whether a crossed threshold activates at once or is proposed to the duty officer. */
  activationPolicy: z.enum(['auto', 'propose']),
  blizzardThresholds: z.array(blizzardThresholdSchema).min(1).default(CMA_BLIZZARD_THRESHOLDS),
  /** Road tiers in scope at each level; tier 1 is always first. */
  tiersByLevel: z.object({ IV: z.array(z.number().int()), III: z.array(z.number().int()), II: z.array(z.number().int()), I: z.array(z.number().int()) }),
  /** Planner weights and rules (rest, detour, lending, reload); optional, with defaults. */
  planner: plannerSettingsSchema.optional(),
  /** Hours a team may work in one activation (shift window). */
  shiftHours: z.number().positive().max(24),
  /** Travel speed of equipment between roads, km/h. */
  travelSpeedKmPerH: z.number().positive(),
  /** Minutes before start-by that a team must have been told. */
  startLeadMinutes: z.number().int().nonnegative(),
  /** Duty officer's phone for proposals and escalations. */
  dutyOfficerPhone: z.string().regex(/^\+[1-9]\d{6,14}$/),
});
export type CityPlan = z.infer<typeof cityPlanSchema>;
