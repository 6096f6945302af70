import * as z from '../../../config/zod.ts';
import { buildCityMap } from '../../../core/map/buildCityMap.ts';
import type { ApiDeps } from '../ApiDeps.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';

const ints = () => z.array(z.number().check(z.int()));

export const cityMapSchema = z.lazy(() => z.object({
  scale: z.number().check(z.describe('coordinates are degrees times this, rounded')),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).check(z.describe('[south, west, north, east], scaled')),
  zones: z.array(z.object({ id: z.string(), name: z.string(), outline: ints().check(z.describe('hull of the zone\'s roads: lat, lon, then steps')) })),
  roads: z.object({
    id: z.array(z.string()),
    name: z.array(z.string()),
    zone: ints().check(z.describe('index into zones')),
    tier: z.array(z.number().check(z.int())),
    line: z.array(ints()).check(z.describe('per road: lat, lon of the first vertex, then dlat, dlon per vertex (scaled)')),
  }).check(z.describe('one column per field, one row per road, in road-id order')),
}).register(z.globalRegistry, { id: 'CityMap' }));

/** The registry's geometry as the map routes answer it. */
export async function readCityMap(registry: ApiDeps['registry']) {
  const [zones, roads] = await Promise.all([registry.listZones(), registry.listRoads()]);
  return buildCityMap(zones, roads);
}

export const getMapRoute = defineRoute({
  method: 'GET', path: '/map', operationId: 'getMap', tag: 'operations', access: READERS,
  summary: 'Read the city map geometry',
  description: 'Every road\'s centre line (or point) and each zone\'s outline, compact (columns, scaled whole-number coordinates, steps between vertices) for drawing. It changes only when the registry does: cache it and revalidate with If-None-Match.',
  responses: { 200: { description: 'the geometry', schema: cityMapSchema } },
  handle: async ({ deps }) => {
    // Private (it needs a token); kept five minutes, then revalidated by its ETag.
    return json(200, await readCityMap(deps.registry), { 'Cache-Control': 'private, max-age=300' });
  },
});
