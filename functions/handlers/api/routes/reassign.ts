import * as z from '../../../config/zod.ts';
import { reassignTask } from '../../../core/activation/reassign.ts';
import { TASK_STATES } from '../../../core/operations/Task.ts';
import { OFFICERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationIdParamsSchema, reasonSchema } from '../schemas/common.ts';
import { problemSchema } from '../schemas/problem.ts';
import { taskSchema } from '../schemas/task.ts';
import { resolveActivationId } from './resolveActivationId.ts';

const registryId = (noun: string) => z.string({ error: `${noun} must be text` }).check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_.:-]+$/, `a ${noun} id has letters, digits and . _ : - only`));

export const reassignParamsSchema = z.lazy(() => z.extend(activationIdParamsSchema, {
  taskCode: z.pipe(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{1,15}$/, 'a task code looks like T07 (the code leaders reply with)')), z.transform((s) => s.toUpperCase())).check(z.describe('the task\'s code, e.g. T07')),
}));

export const reassignBodySchema = z.lazy(() => z.strictObject({
  crewId: z.optional(registryId('crew')).check(z.describe('the crew to take the task; by default the task\'s own crew (only the vehicle changes)')),
  vehicleId: z.optional(registryId('vehicle')).check(z.describe('the vehicle; by default the one the crew already has in this activation')),
  reason: reasonSchema,
}).check(z.refine((b) => b.crewId !== undefined || b.vehicleId !== undefined, { message: 'name the crew (crewId), the vehicle (vehicleId) or both to move the task to', path: ['crewId'] })).register(z.globalRegistry, { id: 'ReassignRequest' }));

export const reassignResultSchema = z.lazy(() => z.object({
  task: taskSchema.check(z.describe('the task as it is now, with its new team')),
  replaced: z.object({ crewId: z.string(), vehicleId: z.string(), vehicleLabel: z.string(), state: z.enum(TASK_STATES) }).check(z.describe('the team the task had, and its state then')),
  dispatch: z.object({
    notified: z.array(z.enum(['new-leader', 'old-leader'])).check(z.describe('the leaders told by SMS: the new one always, the old one when the task had reached them; a missing one failed and is in the log')),
  }),
}).register(z.globalRegistry, { id: 'ReassignResult' }));

export const reassignRoute = defineRoute({
  method: 'POST', path: '/activations/{activationId}/tasks/{taskCode}/reassign', operationId: 'reassignTask', tag: 'activations', access: OFFICERS, idempotent: true,
  summary: 'Reassign a task',
  description: 'Moves one open task to another crew and/or vehicle under the planner\'s rules (certified crew, ready vehicle of the pass\'s class, no chloride on agent-free roads, within the crew\'s working time, no crew or vehicle on two teams). The new leader gets the task by SMS, the old one is told it moved; the move, or its refusal, is logged with who and why.',
  params: reassignParamsSchema,
  body: reassignBodySchema,
  responses: {
    200: { description: 'moved', schema: reassignResultSchema },
    404: { description: 'no such activation, task, crew or vehicle', schema: problemSchema, contentType: 'application/problem+json' },
    409: { description: 'the activation or the task is not open, or the crew or vehicle is busy elsewhere or off duty', schema: problemSchema, contentType: 'application/problem+json' },
    422: { description: 'the plan\'s rules refuse the move: crew not certified, vehicle of the wrong class or not ready, chloride on an agent-free road', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, params, body, principal }) => {
    const activationId = await resolveActivationId(deps, params.activationId);
    const result = await reassignTask(deps, { activationId, taskCode: params.taskCode, toCrewId: body.crewId, toVehicleId: body.vehicleId, actor: principal.username, reason: body.reason });
    return json(200, { task: result.task, replaced: result.previous, dispatch: { notified: result.notified } });
  },
});
