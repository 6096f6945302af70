import * as z from '../../../config/zod.ts';
import { standDown } from '../../../core/activation/standDown.ts';
import { OFFICERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationSchema } from '../schemas/activation.ts';
import { activationIdParamsSchema, reasonSchema } from '../schemas/common.ts';
import { dispatchReceiptSchema } from '../schemas/dispatchReceipt.ts';
import { problemSchema } from '../schemas/problem.ts';
import { resolveActivationId } from './resolveActivationId.ts';

export const standDownBodySchema = z.lazy(() => z.strictObject({ reason: reasonSchema }).register(z.globalRegistry, { id: 'StandDownRequest' }));

export const standDownRoute = defineRoute({
  method: 'POST', path: '/activations/{activationId}/stand-down', operationId: 'standDown', tag: 'activations', access: OFFICERS, idempotent: true,
  summary: 'Stand down an activation',
  description: 'Cancels its open tasks (freeing crews and vehicles), closes it and logs who and why; the crews already sent out get one SMS each saying their tasks are called off (deployed, through the dispatch queue). Standing down twice is a 409.',
  params: activationIdParamsSchema,
  body: standDownBodySchema,
  responses: {
    200: { description: 'stood down', schema: z.lazy(() => z.object({ activation: activationSchema, cancelledTasks: z.array(z.string()).check(z.describe('codes of the tasks cancelled')), dispatch: dispatchReceiptSchema.check(z.describe('the crews already sent out are told their tasks are called off')) })) },
    409: { description: 'already stood down', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, params, body, principal }) => {
    const activationId = await resolveActivationId(deps, params.activationId);
    const result = await standDown(deps, { activationId, actor: principal.username, reason: body.reason });
    return json(200, { activation: result.activation, cancelledTasks: result.cancelled.map((t) => t.code), dispatch: result.dispatch });
  },
});
