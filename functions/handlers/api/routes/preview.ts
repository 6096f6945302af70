import * as z from '../../../config/zod.ts';
import { previewPlan, type PreviewRow } from '../../../core/activation/preview.ts';
import { resolveZoneLevels } from '../../../core/activation/resolveZoneLevels.ts';
import { EQUIPMENT_CLASSES } from '../../../core/registry/EquipmentClass.ts';
import { PREVIEWERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activeLevelSchema, responseLevelSchema, zoneLevelsSchema } from '../schemas/common.ts';
import { problemSchema } from '../schemas/problem.ts';
import { shortfallSchema, tierSchema } from '../schemas/task.ts';
import { waveSmsSchema } from '../schemas/waveSms.ts';

export const previewBodySchema = z.lazy(() => z.strictObject({
  level: activeLevelSchema,
  zoneLevels: z.optional(zoneLevelsSchema),
}).register(z.globalRegistry, { id: 'PreviewRequest' }));

const previewTaskSchema = z.lazy(() => z.object({
  roadId: z.string(),
  road: z.string(),
  tier: tierSchema,
  pass: z.enum(EQUIPMENT_CLASSES),
  laneKm: z.number(),
  sequence: z.number().check(z.int(), z.describe('position in the team\'s ordered list, from 1')),
  startBy: z.string().check(z.describe('when the team must start this pass, UTC')),
  passableAt: z.string().check(z.describe('when the road is estimated passable after this pass, UTC')),
  targetAt: z.optional(z.string()).check(z.describe('when the plan\'s time target for the road falls, UTC')),
  late: z.boolean().check(z.describe('the estimate misses the target')),
}).register(z.globalRegistry, { id: 'PreviewTask' }));

const previewTeamSchema = z.lazy(() => z.object({
  crewId: z.string(),
  team: z.string().check(z.describe('the crew\'s name')),
  vehicleId: z.string(),
  vehicle: z.string().check(z.describe('the vehicle\'s label')),
  tasks: z.array(previewTaskSchema),
}).register(z.globalRegistry, { id: 'PreviewTeam' }));

const byTier = <T extends z.ZodMiniType>(value: T) => z.object({ 1: value, 2: value, 3: value });

export const previewResultSchema = z.lazy(() => z.object({
  level: activeLevelSchema,
  zoneLevels: z.record(z.string(), responseLevelSchema),
  timeZone: z.string().check(z.describe('the city\'s time zone, for showing the times')),
  teams: z.array(previewTeamSchema),
  shortfalls: z.array(shortfallSchema),
  summary: z.object({
    tasks: z.number().check(z.int()),
    teams: z.number().check(z.int()),
    laneKmByTier: byTier(z.number()),
    shortfalls: z.number().check(z.int()),
    late: z.number().check(z.int(), z.describe('passes estimated to miss their time target')),
    passableByTier: byTier(z.nullable(z.string())).check(z.describe('when the last road of each tier is estimated passable (null: nothing of that tier)')),
    openActivationId: z.nullable(z.string()).check(z.describe('the open activation whose bookings the preview works around, if any')),
    waveSms: z.optional(waveSmsSchema),
  }),
}).register(z.globalRegistry, { id: 'PreviewResult' }));

function teamsOf(rows: readonly PreviewRow[]): z.output<typeof previewTeamSchema>[] {
  const teams = new Map<string, z.output<typeof previewTeamSchema>>();
  for (const r of rows) {
    const key = `${r.crewId}#${r.vehicleId}`;
    const team = teams.get(key) ?? { crewId: r.crewId, team: r.team, vehicleId: r.vehicleId, vehicle: r.vehicle, tasks: [] };
    team.tasks.push({ roadId: r.roadId, road: r.road, tier: r.tier, pass: r.pass as z.output<typeof previewTaskSchema>['pass'], laneKm: r.laneKm, sequence: r.sequence, startBy: r.startBy, passableAt: r.passableAt, ...(r.targetAt ? { targetAt: r.targetAt } : {}), late: r.late });
    teams.set(key, team);
  }
  for (const t of teams.values()) t.tasks.sort((a, b) => a.sequence - b.sequence);
  return [...teams.values()].sort((a, b) => a.tasks[0]!.startBy.localeCompare(b.tasks[0]!.startBy) || a.crewId.localeCompare(b.crewId));
}

export const previewRoute = defineRoute({
  method: 'POST', path: '/activations/preview', operationId: 'previewActivation', tag: 'activations', access: PREVIEWERS,
  summary: 'Preview an activation',
  description: 'Dry run: the teams, road passes, start-by and estimated passable times an activation at this level would book now (same inputs, same planner), and the passes left short. Writes nothing and logs nothing; repeat it freely.',
  body: previewBodySchema,
  responses: {
    200: { description: 'what activation would book now', schema: previewResultSchema },
    422: { description: 'zone levels the plan refuses (unknown zone, a zone above the level, no zone at the level)', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, body }) => {
    const [zones, plan] = await Promise.all([deps.registry.listZones(), deps.registry.getPlan()]);
    const zoneLevels = resolveZoneLevels(zones, body.level, body.zoneLevels);
    const preview = await previewPlan(deps, { zoneLevels });
    const km = (tier: number) => Math.round(preview.rows.filter((r) => r.tier === tier).reduce((sum, r) => sum + r.laneKm, 0) * 100) / 100;
    const last = (tier: number) => preview.rows.filter((r) => r.tier === tier).map((r) => r.passableAt).sort().at(-1) ?? null;
    const teams = teamsOf(preview.rows);
    return json(200, {
      level: body.level, zoneLevels: preview.zoneLevels, timeZone: plan.timeZone, teams, shortfalls: preview.shortfalls,
      summary: {
        tasks: preview.rows.length, teams: teams.length, laneKmByTier: { 1: km(1), 2: km(2), 3: km(3) }, shortfalls: preview.shortfalls.length,
        late: preview.rows.filter((r) => r.late).length, passableByTier: { 1: last(1), 2: last(2), 3: last(3) }, openActivationId: preview.activationId,
        ...(preview.waveSms ? { waveSms: preview.waveSms } : {}),
      },
    });
  },
});
