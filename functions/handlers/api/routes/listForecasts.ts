import * as z from '../../../config/zod.ts';
import { zoneForecastSchema } from '../../../core/status/CityStatus.ts';
import { zoneForecasts } from '../../../core/status/zoneForecasts.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';

export const listForecasts = defineRoute({
  method: 'GET', path: '/forecast', operationId: 'listForecasts', tag: 'forecast', access: READERS,
  summary: 'Read every zone forecast',
  description: "Each zone's level from the latest good forecast, with the evidence (which numbers, which hours, which provider) and the age of that forecast.",
  responses: { 200: { description: 'one entry per zone', schema: z.lazy(() => z.object({ zones: z.array(zoneForecastSchema) })) } },
  handle: async ({ deps }) => {
    const [zones, states] = await Promise.all([deps.registry.listZones(), deps.zoneStates.getZoneStates()]);
    return json(200, { zones: zoneForecasts(zones, states, deps.clock.now()) });
  },
});
