import * as z from '../../../config/zod.ts';
import { downgradeLevel } from '../../../core/activation/downgradeLevel.ts';
import { withEvidence } from '../../../core/activation/withEvidence.ts';
import { OFFICERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationSchema } from '../schemas/activation.ts';
import { activationIdParamsSchema, activeLevelSchema, reasonSchema, zoneLevelsSchema } from '../schemas/common.ts';
import { dispatchReceiptSchema } from '../schemas/dispatchReceipt.ts';
import { problemSchema } from '../schemas/problem.ts';
import { resolveActivationId } from './resolveActivationId.ts';

export const downgradeBodySchema = z.lazy(() => z.strictObject({
  level: activeLevelSchema.check(z.describe('the new, lower level')),
  reason: reasonSchema,
  zoneLevels: z.optional(zoneLevelsSchema).check(z.describe('level per zone; by default each zone keeps its level, capped at the new one')),
}).register(z.globalRegistry, { id: 'DowngradeRequest' }));

export const downgradeRoute = defineRoute({
  method: 'POST', path: '/activations/{activationId}/downgrade', operationId: 'downgrade', tag: 'activations', access: OFFICERS, idempotent: true,
  summary: 'Lower the level of an activation',
  description: 'Lowers the level, cancels the open tasks on roads the new level no longer covers (freeing their crews and vehicles; the crews already sent out get one SMS each saying so) and logs the decision with the forecast evidence.',
  params: activationIdParamsSchema,
  body: downgradeBodySchema,
  responses: {
    200: { description: 'downgraded', schema: z.lazy(() => z.object({ activation: activationSchema, cancelledTasks: z.array(z.string()), dispatch: dispatchReceiptSchema.check(z.describe('the crews already sent out are told their tasks are called off')) })) },
    409: { description: 'the activation is stood down, or changed meanwhile', schema: problemSchema, contentType: 'application/problem+json' },
    422: { description: 'the level is not below the current one, or the zone levels are refused', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, params, body, principal }) => {
    const activationId = await resolveActivationId(deps, params.activationId);
    const result = await downgradeLevel(deps, { activationId, level: body.level, zoneLevels: body.zoneLevels, actor: principal.username, reason: body.reason });
    return json(200, { activation: await withEvidence(deps, result.activation), cancelledTasks: result.cancelled.map((t) => t.code), dispatch: result.dispatch });
  },
});
