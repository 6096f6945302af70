import * as z from '../../../config/zod.ts';
import { activateOnRequest } from '../../../core/activation/activateOnRequest.ts';
import { OFFICERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { problemSchema } from '../schemas/problem.ts';
import { activationSchema } from '../schemas/activation.ts';
import { activeLevelSchema, reasonSchema, zoneLevelsSchema } from '../schemas/common.ts';
import { shortfallSchema } from '../schemas/task.ts';
import { dispatchReceiptSchema } from '../schemas/dispatchReceipt.ts';
import { bookedSummary } from './bookedSummary.ts';

export const activateBodySchema = z.lazy(() => z.strictObject({
  level: activeLevelSchema,
  reason: reasonSchema,
  zoneLevels: z.optional(zoneLevelsSchema),
}).register(z.globalRegistry, { id: 'ActivateRequest' }));

export const activateResultSchema = z.lazy(() => z.object({
  activation: activationSchema,
  booked: z.object({
    tasks: z.number().check(z.int()),
    crews: z.number().check(z.int()),
    laneKmByTier: z.object({ 1: z.number(), 2: z.number(), 3: z.number() }),
  }).check(z.describe('what was booked; the tasks themselves are at GET /activations/{id}/tasks (a big city has thousands)')),
  shortfalls: z.array(shortfallSchema),
  dispatch: dispatchReceiptSchema,
}).register(z.globalRegistry, { id: 'ActivateResult' }));

export const activateRoute = defineRoute({
  method: 'POST', path: '/activations', operationId: 'activate', tag: 'activations', access: OFFICERS, idempotent: true,
  summary: 'Activate the plan',
  description: 'Opens an activation at a level (every zone at that level unless zoneLevels names them), books teams for the roads in scope, tier 1 first, and sends the first wave of tasking SMS (deployed, through the dispatch queue: the answer says `queued`). The current forecast evidence is logged with the reason. Send an Idempotency-Key so a double click activates once.',
  body: activateBodySchema,
  responses: {
    201: { description: 'activated: what was booked, the road passes left short, and what was sent or queued', schema: activateResultSchema },
    409: { description: 'an activation is already open (its id is in activationId)', schema: problemSchema, contentType: 'application/problem+json' },
    422: { description: 'zone levels the plan refuses (unknown zone, a zone above the level, no zone at the level)', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, body, principal }) => {
    const { activation, tasks, shortfalls, dispatch } = await activateOnRequest(deps, { level: body.level, zoneLevels: body.zoneLevels, actor: principal.username, reason: body.reason });
    return json(201, { activation, booked: bookedSummary(tasks), shortfalls, dispatch }, { Location: `/activations/${activation.id}` });
  },
});
