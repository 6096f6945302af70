import * as z from '../../../config/zod.ts';
import { NotFoundError } from '../../../core/errors/NotFoundError.ts';
import { zoneForecastSchema } from '../../../core/status/CityStatus.ts';
import { zoneForecasts } from '../../../core/status/zoneForecasts.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';

export const getZoneForecast = defineRoute({
  method: 'GET', path: '/forecast/{zoneId}', operationId: 'getZoneForecast', tag: 'forecast', access: READERS,
  summary: 'Read one zone forecast',
  params: z.lazy(() => z.object({ zoneId: z.string().check(z.minLength(1), z.maxLength(64)) })),
  responses: { 200: { description: "the zone's level and evidence", schema: zoneForecastSchema } },
  handle: async ({ deps, params }) => {
    const [zones, states] = await Promise.all([deps.registry.listZones(), deps.zoneStates.getZoneStates()]);
    const zone = zones.find((z) => z.id === params.zoneId);
    if (!zone) throw new NotFoundError('zone', params.zoneId, `zone "${params.zoneId}" is not in the registry; known zones: ${zones.map((z) => z.id).join(', ')}`);
    return json(200, zoneForecasts([zone], states, deps.clock.now())[0]);
  },
});
