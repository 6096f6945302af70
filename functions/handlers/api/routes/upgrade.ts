import * as z from '../../../config/zod.ts';
import { upgradeOnRequest } from '../../../core/activation/upgradeOnRequest.ts';
import { OFFICERS } from '../auth/access.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { waveAccepted } from '../http/waveAccepted.ts';
import { activationIdParamsSchema, activeLevelSchema, reasonSchema, zoneLevelsSchema } from '../schemas/common.ts';
import { problemSchema } from '../schemas/problem.ts';
import { activationAcceptedSchema } from './activate.ts';
import { resolveActivationId } from './resolveActivationId.ts';

export const upgradeBodySchema = z.lazy(() => z.strictObject({
  level: activeLevelSchema.check(z.describe('the new, higher level')),
  reason: reasonSchema,
  zoneLevels: z.optional(zoneLevelsSchema).check(z.describe('level per zone (none above the new level, one at it); by default every zone at the new level. A zone never goes down in an upgrade')),
}).register(z.globalRegistry, { id: 'UpgradeRequest' }));

export const upgradeRoute = defineRoute({
  method: 'POST', path: '/activations/{activationId}/upgrade', operationId: 'upgrade', tag: 'activations', access: OFFICERS, idempotent: true,
  summary: 'Upgrade the level of an activation',
  description: 'Upgrades an open activation mid-storm (e.g. II to I) under a new wave and answers at once (202): the roads the higher level brings into scope are booked, tier 1 first, by the activation planner off the request, and that wave\'s tasking SMS handed to the dispatcher. GET /activations/{id} shows the new wave\'s progress, as for an activation; a failed wave lowers the activation back. The reason and the current forecast evidence are logged.',
  params: activationIdParamsSchema,
  body: upgradeBodySchema,
  responses: {
    202: { description: 'upgraded; the new wave is being planned (follow the Location)', schema: activationAcceptedSchema },
    409: { description: 'the activation is stood down, its last wave is still being planned, or it was upgraded or changed meanwhile', schema: problemSchema, contentType: 'application/problem+json' },
    422: { description: 'the level is not above the current one, or the zone levels are refused', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, params, body, principal }) => {
    const activationId = await resolveActivationId(deps, params.activationId);
    const activation = await upgradeOnRequest(deps, { activationId, level: body.level, zoneLevels: body.zoneLevels, actor: principal.username, reason: body.reason });
    return waveAccepted(deps, activation);
  },
});
