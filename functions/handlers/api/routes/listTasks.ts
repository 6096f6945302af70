import * as z from '../../../config/zod.ts';
import { NotFoundError } from '../../../core/errors/NotFoundError.ts';
import { TASK_STATES, type TaskState } from '../../../core/operations/Task.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationIdParamsSchema } from '../schemas/common.ts';
import { taskSchema } from '../schemas/task.ts';
import { resolveActivationId } from './resolveActivationId.ts';

const stateList = z.lazy(() => z.pipe(z.pipe(z.string(), z.transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))), z.array(z.enum(TASK_STATES, { error: `each state must be one of ${TASK_STATES.join(', ')}` })).check(z.minLength(1))).check(z.describe(`comma-separated states, e.g. dispatched,acknowledged (${TASK_STATES.join(', ')})`)));

export const listTasksQuerySchema = z.lazy(() => z.strictObject({
  state: z.optional(stateList),
  zone: z.optional(z.string().check(z.minLength(1), z.maxLength(64))).check(z.describe('zone id')),
  crew: z.optional(z.string().check(z.minLength(1), z.maxLength(64))).check(z.describe('crew id')),
  tier: z.optional(z.pipe(z.enum(['1', '2', '3'], { error: 'tier must be 1, 2 or 3' }), z.transform(Number))),
}));

export const listTasksRoute = defineRoute({
  method: 'GET', path: '/activations/{activationId}/tasks', operationId: 'listTasks', tag: 'activations', access: READERS,
  summary: 'List the tasks of an activation',
  description: 'Every task (one pass on one road by one team), filtered by state, zone, crew and tier, in task-code order.',
  params: activationIdParamsSchema,
  query: listTasksQuerySchema,
  responses: { 200: { description: 'the tasks that match', schema: z.lazy(() => z.object({ activationId: z.string(), tasks: z.array(taskSchema) })) } },
  handle: async ({ deps, params, query }) => {
    const activationId = await resolveActivationId(deps, params.activationId);
    if (!(await deps.activations.getActivation(activationId))) throw new NotFoundError('activation', activationId);
    const states = query.state ? new Set<TaskState>(query.state) : undefined;
    const tasks = (await deps.tasks.listTasks(activationId))
      .filter((t) => (!states || states.has(t.state)) && (!query.zone || t.zoneId === query.zone) && (!query.crew || t.crewId === query.crew) && (!query.tier || t.tier === query.tier))
      .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
    return json(200, { activationId, tasks });
  },
});
