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
  description: 'Closes it (nothing more can be booked on it) and logs who and why; its open tasks are then cancelled (freeing crews and vehicles) and the crews already sent out get one SMS each saying their tasks are called off. Deployed, that is the dispatcher\'s work from the dispatch queue: the answer is 202 with the activation closed, and the tasks.cancelled entry in the log names the tasks; in the local runtime it is done before the answer (200, with the codes). A stand-down whose cancellations did not finish (its run died) may be repeated: it is handed to dispatch again. Standing down a finished stand-down is a 409.',
  params: activationIdParamsSchema,
  body: standDownBodySchema,
  responses: {
    200: { description: 'stood down, its open tasks cancelled and the crews told (the local runtime)', schema: z.lazy(() => z.object({ activation: activationSchema, cancelledTasks: z.array(z.string()).check(z.describe('codes of the tasks cancelled')), dispatch: dispatchReceiptSchema.check(z.describe('the crews already sent out are told their tasks are called off')) })) },
    202: { description: 'stood down; the dispatcher cancels its open tasks and tells the crews already sent out (deployed)', schema: z.lazy(() => z.object({ activation: activationSchema, dispatch: dispatchReceiptSchema.check(z.describe('queued: the dispatcher cancels the open tasks and tells the crews')) })) },
    409: { description: 'already stood down', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, params, body, principal }) => {
    const activationId = await resolveActivationId(deps, params.activationId);
    const result = await standDown(deps, { activationId, actor: principal.username, reason: body.reason });
    if (result.dispatch.mode === 'queued') return json(202, { activation: result.activation, dispatch: result.dispatch });
    return json(200, { activation: result.activation, cancelledTasks: result.dispatch.cancelledTasks ?? [], dispatch: result.dispatch });
  },
});
