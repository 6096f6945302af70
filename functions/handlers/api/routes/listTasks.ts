import * as z from 'zod';
import { NotFoundError } from '../../../core/errors/NotFoundError.ts';
import { TASK_STATES, type TaskState } from '../../../core/operations/Task.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { activationIdParamsSchema } from '../schemas/common.ts';
import { taskSchema } from '../schemas/task.ts';
import { resolveActivationId } from './resolveActivationId.ts';

const stateList = z.string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(TASK_STATES, { error: `each state must be one of ${TASK_STATES.join(', ')}` })).min(1))
  .describe(`comma-separated states, e.g. dispatched,acknowledged (${TASK_STATES.join(', ')})`);

export const listTasksQuerySchema = z.strictObject({
  state: stateList.optional(),
  zone: z.string().min(1).max(64).optional().describe('zone id'),
  crew: z.string().min(1).max(64).optional().describe('crew id'),
  tier: z.enum(['1', '2', '3'], { error: 'tier must be 1, 2 or 3' }).transform(Number).optional(),
});

export const listTasksRoute = defineRoute({
  method: 'GET', path: '/activations/{activationId}/tasks', operationId: 'listTasks', tag: 'activations', access: READERS,
  summary: 'List the tasks of an activation',
  description: 'Every task (one pass on one road by one team), filtered by state, zone, crew and tier, in task-code order.',
  params: activationIdParamsSchema,
  query: listTasksQuerySchema,
  responses: { 200: { description: 'the tasks that match', schema: z.object({ activationId: z.string(), tasks: z.array(taskSchema) }) } },
  handle: async ({ deps, params, query }) => {
    const activationId = await resolveActivationId(deps, params.activationId);
    if (!(await deps.ops.getActivation(activationId))) throw new NotFoundError('activation', activationId);
    const states = query.state ? new Set<TaskState>(query.state) : undefined;
    const tasks = (await deps.ops.listTasks(activationId))
      .filter((t) => (!states || states.has(t.state)) && (!query.zone || t.zoneId === query.zone) && (!query.crew || t.crewId === query.crew) && (!query.tier || t.tier === query.tier))
      .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
    return json(200, { activationId, tasks });
  },
});
