import * as z from '../../../config/zod.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationRecordSchema } from '../schemas/activation.ts';
import { queryInt } from '../schemas/common.ts';

export const listActivations = defineRoute({
  method: 'GET', path: '/activations', operationId: 'listActivations', tag: 'activations', access: READERS,
  summary: 'List recent activations',
  description: 'Each activation\'s record with how many pieces of evidence it was opened on; GET /activations/{id} has the evidence itself.',
  query: z.lazy(() => z.object({ limit: queryInt(1, 100, 20).check(z.describe('how many, newest first (1 to 100, default 20)')) })),
  responses: { 200: { description: 'newest first', schema: z.lazy(() => z.object({ activations: z.array(activationRecordSchema) })) } },
  handle: async ({ deps, query }) => json(200, { activations: await deps.activations.listActivations(query.limit) }),
});
