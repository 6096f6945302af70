import * as z from '../../../config/zod.ts';
import { activateOnRequest } from '../../../core/activation/activateOnRequest.ts';
import { OFFICERS } from '../auth/access.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { waveAccepted } from '../http/waveAccepted.ts';
import { problemSchema } from '../schemas/problem.ts';
import { activationSchema } from '../schemas/activation.ts';
import { activeLevelSchema, reasonSchema, zoneLevelsSchema } from '../schemas/common.ts';

export const activateBodySchema = z.lazy(() => z.strictObject({
  level: activeLevelSchema,
  reason: reasonSchema,
  zoneLevels: z.optional(zoneLevelsSchema),
}).register(z.globalRegistry, { id: 'ActivateRequest' }));

export const activationAcceptedSchema = z.lazy(() => z.object({
  activation: activationSchema.check(z.describe('the activation as it stands: progress.phase is planning; GET its Location until progress.phase is active (booked, shortfalls and dispatch filled in) or failed (with the reason)')),
}).register(z.globalRegistry, { id: 'ActivationAccepted' }));

export const activateRoute = defineRoute({
  method: 'POST', path: '/activations', operationId: 'activate', tag: 'activations', access: OFFICERS, idempotent: true,
  summary: 'Activate the plan',
  description: 'Opens an activation at a level (every zone at that level unless zoneLevels names them) and answers at once (202): the teams for the roads in scope are booked, tier 1 first, by the activation planner off the request, and the first wave of tasking SMS is then handed to the dispatcher. GET /activations/{id} (the Location) shows the progress: planning, booking, dispatching, active (with what was booked, the passes left short and what was sent or queued), or failed with the reason. The current forecast evidence is logged with the reason. Send an Idempotency-Key so a double click activates once (the repeat answers the same activation).',
  body: activateBodySchema,
  responses: {
    202: { description: 'opened; its first wave is being planned (follow the Location)', schema: activationAcceptedSchema },
    409: { description: 'an activation is already open (its id is in activationId)', schema: problemSchema, contentType: 'application/problem+json' },
    422: { description: 'zone levels the plan refuses (unknown zone, a zone above the level, no zone at the level)', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, body, principal }) => {
    const activation = await activateOnRequest(deps, { level: body.level, zoneLevels: body.zoneLevels, actor: principal.username, reason: body.reason });
    return waveAccepted(deps, activation);
  },
});
