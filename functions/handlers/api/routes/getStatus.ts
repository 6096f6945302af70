import { readStatus } from '../../../core/status/readStatus.ts';
import { cityStatusSchema } from '../../../core/status/CityStatus.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';

export const getStatus = defineRoute({
  method: 'GET', path: '/status', operationId: 'getStatus', tag: 'operations', access: READERS,
  summary: 'Read the city status',
  description: 'Forecast level per zone, the open activation (if any) and its tasks by state.',
  responses: { 200: { description: 'the city now', schema: cityStatusSchema } },
  handle: async ({ deps }) => json(200, await readStatus(deps)),
});
