import * as z from '../../config/zod.ts';
import { CITIZEN_CATEGORIES } from '../citizen/CitizenCategory.ts';
import { ACTIVE_LEVELS, RESPONSE_LEVELS } from '../levels/ResponseLevel.ts';
import { TASK_STATES } from '../operations/Task.ts';
import { evidenceSchema } from '../triggers/evidenceSchema.ts';

const tierSchema = () => z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** One tier's coverage over time against the plan's target (built inside the report's lazy, never at load). */
function buildTierCoverageSchema() {
  const coveragePointSchema = z.object({
    at: z.string().check(z.describe('UTC ISO time a road became covered')),
    hours: z.number().check(z.describe('hours since the activation opened')),
    laneKm: z.number().check(z.describe('lane-km of the tier covered by then')),
    percent: z.number(),
  });

  return z.object({
    tier: tierSchema(),
    laneKmInScope: z.number(),
    laneKmCovered: z.number(),
    percentCovered: z.number(),
    targetHours: z.number().check(z.describe("the plan's target, hours from activation (plan.timeTargetsHours, or the defaults)")),
    targetAt: z.string(),
    laneKmCoveredByTarget: z.number(),
    percentCoveredByTarget: z.number(),
    met: z.nullable(z.boolean()).check(z.describe('true: every road covered by the target time; false: not; null: the target time is still ahead')),
    fullyCoveredAt: z.nullable(z.string()),
    timeline: z.array(coveragePointSchema),
  }).register(z.globalRegistry, { id: 'TierCoverage' });
}

/** The citizen reports' figures over the operational period (built inside the report's lazy, never at load). */
function buildCitizenFiguresSchema() {
  const minutes = () => z.nullable(z.number());
  return z.object({
    targetHours: z.number().check(z.describe("the plan's target from report to closing (plan.citizenCaseTargetHours, 72 h when it names none)")),
    cases: z.number().check(z.int()),
    byCategory: z.record(z.enum(CITIZEN_CATEGORIES), z.number().check(z.int())),
    medianMinutes: z.object({ register: minutes(), dispatch: minutes(), close: minutes() }).check(z.describe('median minutes from the report to each step, over the cases that reached it')),
    closureRate: z.nullable(z.number()).check(z.describe('结案率: closed among the cases not rejected or merged')),
    onTimeRate: z.nullable(z.number()).check(z.describe('按期处置率: closed within targetHours of the report, among the closed')),
    satisfaction: z.object({ ratings: z.number().check(z.int()), mean: z.nullable(z.number()) }),
  }).register(z.globalRegistry, { id: 'CitizenFigures' });
}

/**
 * The schema of the after-action report: the JSON export, the API's answer and the HTML's source. Built on
 * first use (z.lazy): only GET /openapi.json and the tests read it, so no other invocation builds its
 * hundred-odd parts at a cold start (npm run bench:bundles).
 */
export const afterActionReportSchema = z.lazy(() => {
  const level = z.enum(ACTIVE_LEVELS as unknown as ['IV', 'III', 'II', 'I']);
  const tier = tierSchema();
  const tierCoverageSchema = buildTierCoverageSchema();
  const citizenFiguresSchema = buildCitizenFiguresSchema();
  const loggedFact = z.object({ at: z.string(), actor: z.string(), action: z.string(), subject: z.nullable(z.string()), reason: z.nullable(z.string()) });

  return z.object({
    activationId: z.string(),
    city: z.string(),
    planId: z.string(),
    timeZone: z.string(),
    level,
    zoneLevels: z.record(z.string(), z.enum(RESPONSE_LEVELS)),
    status: z.enum(['open', 'stood-down']),
    openedAt: z.string(),
    openedBy: z.string(),
    reason: z.string(),
    operationalPeriod: z.object({ from: z.string(), to: z.string(), ongoing: z.boolean() }),
    trigger: z.object({
      at: z.nullable(z.string()).check(z.describe('when the forecast first put the city above "none" before this activation; null when no forecast trigger was logged')),
      evidence: z.array(evidenceSchema),
    }),
    timings: z.object({
      minutesToActivate: z.nullable(z.number()),
      firstDispatchAt: z.nullable(z.string()),
      lastDispatchAt: z.nullable(z.string()),
      minutesToFirstDispatch: z.nullable(z.number()),
      minutesToLastDispatch: z.nullable(z.number()),
    }),
    acknowledgement: z.object({
      dispatchedTasks: z.number().check(z.int()),
      acknowledged: z.number().check(z.int()),
      refused: z.number().check(z.int()),
      unanswered: z.number().check(z.int()),
      medianMinutes: z.nullable(z.number()),
      p90Minutes: z.nullable(z.number()).check(z.describe('nearest rank')),
    }),
    messages: z.object({ sent: z.number().check(z.int()), failed: z.number().check(z.int()) }),
    escalations: z.object({ count: z.number().check(z.int()), entries: z.array(loggedFact) }),
    shortfalls: z.object({
      count: z.number().check(z.int()),
      laneKmByTier: z.object({ 1: z.number(), 2: z.number(), 3: z.number() }),
      items: z.array(z.object({ at: z.string(), roadId: z.string(), road: z.string(), tier, pass: z.string(), laneKm: z.number(), reason: z.string() })),
    }),
    coverage: z.array(tierCoverageSchema),
    levelChanges: z.array(z.object({ at: z.string(), by: z.string(), from: z.string(), to: z.string(), reason: z.nullable(z.string()) })),
    standDown: z.nullable(z.object({ at: z.string(), by: z.string(), reason: z.string() })),
    tasksByState: z.record(z.enum(TASK_STATES), z.number().check(z.int())),
    citizen: z.nullable(citizenFiguresSchema).check(z.describe('the citizen reports filed during the operational period (the figures of GET /citizen/figures over that period)')),
    generatedAt: z.string(),
    preparedBy: z.string(),
  }).register(z.globalRegistry, { id: 'AfterActionReport' });
});
export type AfterActionReport = z.infer<typeof afterActionReportSchema>;
/** One tier's coverage: lane-km passable over time against the plan's target. */
export type TierCoverage = AfterActionReport['coverage'][number];
