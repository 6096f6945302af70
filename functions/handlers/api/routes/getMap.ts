import * as z from '../../../config/zod.ts';
import { buildCityMap } from '../../../core/map/buildCityMap.ts';
import { keptView } from '../../../core/views/keptView.ts';
import type { ApiDeps } from '../ApiDeps.ts';
import { READERS } from '../auth/access.ts';
import { json, type ApiResponse } from '../http/ApiResponse.ts';
import { matchesIfNoneMatch } from '../http/etag.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { memoPer } from '../http/VersionMemo.ts';
import { versionKey } from '../http/versionTag.ts';

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

/** The registry's geometry as the map routes answer it, read whole. */
export async function readCityMap(registry: ApiDeps['registry']) {
  const [zones, roads] = await Promise.all([registry.listZones(), registry.listRoads()]);
  return buildCityMap(zones, roads);
}

const maps = memoPer<ReturnType<typeof buildCityMap>>();

/**
 * The registry's geometry as the map routes answer it, versioned by the zones and the roads' revision (two
 * small reads): a revalidation whose tag still holds is answered 304 without reading the roads, and the map is
 * built once per version, kept for every container (BuiltViews) and held by each.
 */
export async function answerCityMap(deps: ApiDeps, ifNoneMatch: string | undefined, cacheControl: string): Promise<ApiResponse> {
  const [zones, revision] = await Promise.all([deps.registry.listZones(), deps.registry.roadsRevision()]);
  const etag = `"${versionKey([zones, revision])}"`;
  const headers = { 'Cache-Control': cacheControl, ETag: etag };
  if (matchesIfNoneMatch(ifNoneMatch, etag)) return { status: 304, headers };
  const now = deps.clock.now();
  // Built once per revision for every container (the roads are thousands of items), and held by this one.
  const map = await maps(deps).get(etag, now.getTime(), async () => (await keptView(deps.views, 'city-map', etag, now, async () => buildCityMap(zones, await deps.registry.listRoads()))).value);
  return json(200, map, headers);
}

export const getMapRoute = defineRoute({
  method: 'GET', path: '/map', operationId: 'getMap', tag: 'operations', access: READERS,
  summary: 'Read the city map geometry',
  description: 'Every road\'s centre line (or point) and each zone\'s outline, compact (columns, scaled whole-number coordinates, steps between vertices) for drawing. It changes only when the registry does: cache it and revalidate with If-None-Match (answered from the registry\'s revision, without reading the roads).',
  responses: { 200: { description: 'the geometry', schema: cityMapSchema } },
  // Private (it needs a token); kept five minutes, then revalidated by its ETag.
  handle: async ({ deps, ifNoneMatch }) => answerCityMap(deps, ifNoneMatch, 'private, max-age=300'),
});
