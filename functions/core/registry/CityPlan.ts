import * as z from '../../config/zod.ts';
import { DEFAULT_ESCALATION, escalationPolicySchema } from '../escalation/EscalationPolicy.ts';
import { activeLevelSchema as activeLevel } from './activeLevelSchema.ts';
import { CMA_ROAD_ICING, roadIcingSchema } from './RoadIcingRule.ts';
import { DEFAULT_WARNING_RULES, warningRuleSchema } from './WarningRule.ts';
import { timeTargetsSchema } from './TimeTargets.ts';

import { plannerSettingsSchema } from './PlannerSettings.ts';
import { E164 } from './PhoneNumber.ts';
import { boundedNumber, boundedText, recordId } from './boundedText.ts';
import { DEFAULT_SMS_SEGMENT_CAP, NUMBER_LIMITS, TEXT_LIMITS } from './limits.ts';

/** The citizen cases' on-time target when a plan names none. */
export const DEFAULT_CASE_TARGET_HOURS = 72;

/** One blizzard rule: snow water (mm) summed over a rolling window of hours reaches a level. */
export const blizzardThresholdSchema = z.object({
  level: activeLevel,
  windowHours: z.int().check(z.positive(), z.lte(72)),
  waterMm: boundedNumber(NUMBER_LIMITS.blizzardWaterMm),
});
export type BlizzardThreshold = z.infer<typeof blizzardThresholdSchema>;

/** CMA blizzard signal criteria: blue 12 h ≥ 4 mm, yellow 12 h ≥ 6 mm, orange 6 h ≥ 10 mm, red 6 h ≥ 15 mm. */
export const CMA_BLIZZARD_THRESHOLDS: BlizzardThreshold[] = [
  { level: 'IV', windowHours: 12, waterMm: 4 },
  { level: 'III', windowHours: 12, waterMm: 6 },
  { level: 'II', windowHours: 6, waterMm: 10 },
  { level: 'I', windowHours: 6, waterMm: 15 },
];

/** The tiers in scope at one level: 1 to 3 distinct tiers of 1, 2, 3, tier 1 among them (it is always first). */
const tiersInScope = z.array(z.int().check(z.gte(1, 'a tier is 1, 2 or 3'), z.lte(3, 'a tier is 1, 2 or 3')))
  .check(
    z.minLength(1, 'at least one tier must be in scope'),
    z.maxLength(3, 'there are three tiers'),
    z.refine((tiers) => new Set(tiers).size === tiers.length, 'names a tier twice'),
    z.refine((tiers) => tiers.includes(1), 'must include tier 1: tier 1 is always first'),
  );

/** An IANA time zone this runtime knows (a typo would make every local time fail). */
const timeZone = z.string().check(
  z.minLength(1, 'is required'),
  z.maxLength(TEXT_LIMITS.timeZone),
  z.refine((tz) => { try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; } }, 'must be an IANA time zone such as Asia/Shanghai'),
);

export const cityPlanSchema = z.object({
  id: recordId(),
  city: boundedText(TEXT_LIMITS.cityName),
  /** IANA time zone the city reads times in. */
  timeZone,
  defaultLanguage: z.enum(['zh-CN', 'en']),
  /** Whether a crossed threshold activates at once or is proposed to the duty officer. */
  activationPolicy: z.enum(['auto', 'propose']),
  blizzardThresholds: z._default(z.array(blizzardThresholdSchema).check(z.minLength(1), z.maxLength(20)), CMA_BLIZZARD_THRESHOLDS),
  /** Road tiers in scope at each level; tier 1 is always first. */
  tiersByLevel: z.object({ IV: tiersInScope, III: tiersInScope, II: tiersInScope, I: tiersInScope }),
  /** Planner weights and rules (rest, detour, lending, reload); optional, with defaults. */
  planner: z.optional(plannerSettingsSchema),
  /** Hours a team may work in one activation (shift window). */
  shiftHours: boundedNumber(NUMBER_LIMITS.shiftHours),
  /** Travel speed of equipment between roads, km/h. */
  travelSpeedKmPerH: boundedNumber(NUMBER_LIMITS.travelSpeedKmPerH),
  /** Minutes before start-by that a team must have been told. */
  startLeadMinutes: boundedNumber(NUMBER_LIMITS.startLeadMinutes, { integer: true }),
  /** Duty officer's phone for proposals and escalations. */
  dutyOfficerPhone: z.string().check(z.regex(E164, 'must be an E.164 phone number such as +8613812345678')),
  /** Per level: minutes to resend, then to the backup leader, then to the duty officer, while nobody acknowledges. */
  escalation: z._default(escalationPolicySchema, DEFAULT_ESCALATION),
  /** Road-icing rule (道路结冰); defaults to the CMA signal criteria. */
  roadIcing: z._default(roadIcingSchema, CMA_ROAD_ICING),
  /** Official warnings mapped to levels. */
  warningRules: z._default(z.array(warningRuleSchema).check(z.maxLength(50)), DEFAULT_WARNING_RULES),
  /**
   * Weather that begins further ahead than this is a watch (officer told, pre-treatment proposed), not an
   * activation. 12 h by default: the CMA signals are issued for what is expected "within 12 hours".
   */
  leadTimeHours: z._default(z.number().check(z.gte(0), z.lte(72)), 12),
  /** Consecutive polls below the current level before a zone's level drops (upgrades are at once). */
  downgradeAfterPolls: z._default(z.int().check(z.gte(1), z.lte(96)), 3),
  /** Minutes every provider of a zone may fail before the stale-forecast alarm. */
  staleAfterMinutes: z._default(z.int().check(z.positive(), z.lte(24 * 60)), 60),
  /** Hours per level and tier within which roads should be passable; DEFAULT_TIME_TARGETS when absent. */
  timeTargetsHours: z.optional(timeTargetsSchema),
  /**
   * Hours from a citizen's report to its closing within which a case counts as on time (按期处置率). 72 h by
   * default: the 随手拍 practice's reply within three working days (a storm keeps no office hours).
   */
  citizenCaseTargetHours: z._default(z.number().check(z.positive(), z.lte(720)), DEFAULT_CASE_TARGET_HOURS),
  /** Most SMS segments one tasking message may cost; a longer tasking abbreviates names, then is split over messages. */
  smsSegmentCap: z._default(boundedNumber(NUMBER_LIMITS.smsSegmentCap, { integer: true }), DEFAULT_SMS_SEGMENT_CAP),
});
/** Fields added after the first plans were written: optional in the type (a parsed plan always has them, by default). */
type ForecastLaterFields = 'roadIcing' | 'warningRules' | 'leadTimeHours' | 'downgradeAfterPolls' | 'staleAfterMinutes';
type LaterFields = ForecastLaterFields | 'smsSegmentCap' | 'citizenCaseTargetHours';
type ParsedPlan = z.infer<typeof cityPlanSchema>;
export type CityPlan = Omit<ParsedPlan, LaterFields> & Partial<Pick<ParsedPlan, LaterFields>>;
/** A plan with every forecast rule present. */
export type ForecastRules = Pick<ParsedPlan, 'blizzardThresholds' | ForecastLaterFields>;

/** The plan's forecast rules, with the schema's defaults for any a hand-built plan leaves out. */
export function forecastRules(plan: Pick<CityPlan, 'blizzardThresholds'> & Partial<Pick<ParsedPlan, ForecastLaterFields>>): ForecastRules {
  return {
    blizzardThresholds: plan.blizzardThresholds,
    roadIcing: plan.roadIcing ?? CMA_ROAD_ICING,
    warningRules: plan.warningRules ?? DEFAULT_WARNING_RULES,
    leadTimeHours: plan.leadTimeHours ?? 12,
    downgradeAfterPolls: plan.downgradeAfterPolls ?? 3,
    staleAfterMinutes: plan.staleAfterMinutes ?? 60,
  };
}
