import * as z from '../../../config/zod.ts';
import { upgradeOnRequest } from '../../../core/activation/upgradeOnRequest.ts';
import { OFFICERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationIdParamsSchema, activeLevelSchema, reasonSchema, zoneLevelsSchema } from '../schemas/common.ts';
import { problemSchema } from '../schemas/problem.ts';
import { activateResultSchema } from './activate.ts';
import { bookedSummary } from './bookedSummary.ts';
import { resolveActivationId } from './resolveActivationId.ts';

export const upgradeBodySchema = z.lazy(() => z.strictObject({
  level: activeLevelSchema.check(z.describe('the new, higher level')),
  reason: reasonSchema,
  zoneLevels: z.optional(zoneLevelsSchema).check(z.describe('level per zone (none above the new level, one at it); by default every zone at the new level. A zone never goes down in an upgrade')),
}).register(z.globalRegistry, { id: 'UpgradeRequest' }));

export const upgradeRoute = defineRoute({
  method: 'POST', path: '/activations/{activationId}/upgrade', operationId: 'upgrade', tag: 'activations', access: OFFICERS, idempotent: true,
  summary: 'Raise the level of an activation',
  description: 'Raises an open activation mid-storm (e.g. II to I): books teams for the roads the higher level brings into scope as a new wave, tier 1 first, and sends that wave\'s tasking SMS at once. The reason and the current forecast evidence are logged. Answers like an activation, for the new wave.',
  params: activationIdParamsSchema,
  body: upgradeBodySchema,
  responses: {
    200: { description: 'upgraded: what the new wave booked, the passes left short and what was sent', schema: activateResultSchema },
    409: { description: 'the activation is stood down, or was upgraded or changed meanwhile', schema: problemSchema, contentType: 'application/problem+json' },
    422: { description: 'the level is not above the current one, or the zone levels are refused', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, params, body, principal }) => {
    const activationId = await resolveActivationId(deps, params.activationId);
    const { activation, tasks, shortfalls, dispatch } = await upgradeOnRequest(deps, { activationId, level: body.level, zoneLevels: body.zoneLevels, actor: principal.username, reason: body.reason });
    return json(200, { activation, booked: bookedSummary(tasks), shortfalls, dispatch });
  },
});
