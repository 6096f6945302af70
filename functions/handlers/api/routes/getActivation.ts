import { withEvidence } from '../../../core/activation/withEvidence.ts';
import { NotFoundError } from '../../../core/errors/NotFoundError.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationSchema } from '../schemas/activation.ts';
import { activationIdParamsSchema } from '../schemas/common.ts';
import { resolveActivationId } from './resolveActivationId.ts';

export const getActivation = defineRoute({
  method: 'GET', path: '/activations/{activationId}', operationId: 'getActivation', tag: 'activations', access: READERS,
  summary: 'Read an activation',
  params: activationIdParamsSchema,
  responses: { 200: { description: 'the activation', schema: activationSchema } },
  handle: async ({ deps, params }) => {
    const id = await resolveActivationId(deps, params.activationId);
    const activation = await deps.activations.getActivation(id);
    if (!activation) throw new NotFoundError('activation', id);
    return json(200, await withEvidence(deps, activation));
  },
});
