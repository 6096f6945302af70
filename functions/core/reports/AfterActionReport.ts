import * as z from 'zod';
import { ACTIVE_LEVELS, RESPONSE_LEVELS } from '../levels/ResponseLevel.ts';
import { TASK_STATES } from '../operations/Task.ts';
import { evidenceSchema } from '../triggers/evidenceSchema.ts';

/** The schemas of the after-action report: the JSON export, the API's answer and the HTML's source. */
const level = z.enum(ACTIVE_LEVELS as unknown as ['IV', 'III', 'II', 'I']);
const tier = z.union([z.literal(1), z.literal(2), z.literal(3)]);


export const coveragePointSchema = z.object({
  at: z.string().describe('UTC ISO time a road became covered'),
  hours: z.number().describe('hours since the activation opened'),
  laneKm: z.number().describe('lane-km of the tier covered by then'),
  percent: z.number(),
});

export const tierCoverageSchema = z.object({
  tier,
  laneKmInScope: z.number(),
  laneKmCovered: z.number(),
  percentCovered: z.number(),
  targetHours: z.number().describe("the plan's target, hours from activation (plan.timeTargetsHours, or the defaults)"),
  targetAt: z.string(),
  laneKmCoveredByTarget: z.number(),
  percentCoveredByTarget: z.number(),
  met: z.boolean().nullable().describe('true: every road covered by the target time; false: not; null: the target time is still ahead'),
  fullyCoveredAt: z.string().nullable(),
  timeline: z.array(coveragePointSchema),
}).meta({ id: 'TierCoverage' });
export type TierCoverage = z.infer<typeof tierCoverageSchema>;

const loggedFact = z.object({ at: z.string(), actor: z.string(), action: z.string(), subject: z.string().nullable(), reason: z.string().nullable() });

export const afterActionReportSchema = z.object({
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
    at: z.string().nullable().describe('when the forecast first put the city above "none" before this activation; null when no forecast trigger was logged'),
    evidence: z.array(evidenceSchema),
  }),
  timings: z.object({
    minutesToActivate: z.number().nullable(),
    firstDispatchAt: z.string().nullable(),
    lastDispatchAt: z.string().nullable(),
    minutesToFirstDispatch: z.number().nullable(),
    minutesToLastDispatch: z.number().nullable(),
  }),
  acknowledgement: z.object({
    dispatchedTasks: z.number().int(),
    acknowledged: z.number().int(),
    refused: z.number().int(),
    unanswered: z.number().int(),
    medianMinutes: z.number().nullable(),
    p90Minutes: z.number().nullable().describe('nearest rank'),
  }),
  messages: z.object({ sent: z.number().int(), failed: z.number().int() }),
  escalations: z.object({ count: z.number().int(), entries: z.array(loggedFact) }),
  shortfalls: z.object({
    count: z.number().int(),
    laneKmByTier: z.object({ 1: z.number(), 2: z.number(), 3: z.number() }),
    items: z.array(z.object({ at: z.string(), roadId: z.string(), road: z.string(), tier, pass: z.string(), laneKm: z.number(), reason: z.string() })),
  }),
  coverage: z.array(tierCoverageSchema),
  levelChanges: z.array(z.object({ at: z.string(), by: z.string(), from: z.string(), to: z.string(), reason: z.string().nullable() })),
  standDown: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
  tasksByState: z.record(z.enum(TASK_STATES), z.number().int()),
  generatedAt: z.string(),
  preparedBy: z.string(),
}).meta({ id: 'AfterActionReport' });
export type AfterActionReport = z.infer<typeof afterActionReportSchema>;
