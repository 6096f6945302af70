import * as z from '../../../config/zod.ts';
import { reassignCandidates } from '../../../core/activation/reassignCandidates.ts';
import { NotFoundError } from '../../../core/errors/NotFoundError.ts';
import { OFFICERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { reassignParamsSchema } from './reassign.ts';
import { resolveActivationId } from './resolveActivationId.ts';

export const getReassignCandidatesRoute = defineRoute({
  method: 'GET', path: '/activations/{activationId}/tasks/{taskCode}/candidates', operationId: 'getReassignCandidates', tag: 'activations', access: OFFICERS,
  summary: 'List who could take a task',
  description: 'The crews on duty now, and for each the ready vehicles of the pass\'s class it is certified for and no other crew holds in this activation: what a reassignment may name (it checks again when made). The task\'s own zone comes first.',
  params: reassignParamsSchema,
  responses: {
    200: { description: 'the eligible crews and their vehicles', schema: z.lazy(() => z.object({ taskCode: z.string(), pass: z.string(), crews: z.array(z.object({ id: z.string(), name: z.string(), zoneId: z.string(), vehicles: z.array(z.object({ id: z.string(), label: z.string() })) })) }).register(z.globalRegistry, { id: 'ReassignCandidates' })) },
  },
  handle: async ({ deps, params }) => {
    const activationId = await resolveActivationId(deps, params.activationId);
    const candidates = await reassignCandidates(deps, activationId, params.taskCode);
    if (!candidates) throw new NotFoundError('task', params.taskCode, `no task ${params.taskCode} in activation ${activationId}`);
    return json(200, candidates);
  },
});
