import * as z from '../../../../config/zod.ts';
import { cityPlanSchema } from '../../../../core/registry/CityPlan.ts';
import { saveCityPlan } from '../../../../core/registry/editRegistry.ts';
import { ADMINS, READERS } from '../../auth/access.ts';
import { json } from '../../http/ApiResponse.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { problemSchema } from '../../schemas/problem.ts';

const planDoc = cityPlanSchema.clone().register(z.globalRegistry, { id: 'CityPlan' });
const planBody = z.lazy(() => z.strictObject(cityPlanSchema.shape).register(z.globalRegistry, { id: 'CityPlanBody' }));

export const getPlanRoute = defineRoute({
  method: 'GET', path: '/registry/plan', operationId: 'getPlan', tag: 'registry', access: READERS,
  summary: 'Read the city plan',
  description: 'Thresholds per level, tiers in scope per level, time targets, activation policy. The duty officer phone is masked except for administrators.',
  responses: { 200: { description: 'the plan', schema: planDoc } },
  // The duty officer's phone is masked for everyone but administrators by the route handler.
  handle: async ({ deps }) => json(200, await deps.registry.getPlan()),
});

export const putPlanRoute = defineRoute({
  method: 'PUT', path: '/registry/plan', operationId: 'putPlan', tag: 'registry', access: ADMINS,
  summary: 'Replace the city plan',
  body: planBody,
  maxBodyBytes: 64 * 1024,
  responses: {
    200: { description: 'the plan as saved', schema: planDoc },
    409: { description: 'the duty officer\'s phone is a crew leader\'s or backup\'s', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, body, principal }) => json(200, await saveCityPlan(deps, body, principal.username)),
});
