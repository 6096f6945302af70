import type { Road } from '../registry/Road.ts';
import type { Zone } from '../registry/Zone.ts';
import type { CityMap } from './CityMap.ts';
import { convexHull, type Point } from './convexHull.ts';

const SCALE = 1e5;

/** Whole numbers: the first pair as is, each later pair as the step from the one before. */
function deltas(points: readonly Point[]): number[] {
  const out: number[] = [];
  let prev: Point = [0, 0];
  for (const p of points) {
    out.push(p[0] - prev[0], p[1] - prev[1]);
    prev = p;
  }
  return out;
}

function vertices(road: Road): Point[] {
  const line: readonly (readonly [number, number])[] = road.line ?? [[road.latitude, road.longitude]];
  return line.map(([lat, lon]) => [Math.round(lat * SCALE), Math.round(lon * SCALE)]);
}

/**
 * Roads as drawn lines (or points) and each zone outlined by the hull of its roads (the registry has
 * no zone boundaries; the hull is what the zone's crews cover). A zone without roads is a point at its centre.
 */
export function buildCityMap(zones: readonly Zone[], roads: readonly Road[]): CityMap {
  const zoneIndex = new Map(zones.map((z, i) => [z.id, i]));
  const sorted = [...roads].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const pointsByZone = new Map<string, Point[]>();
  const map: CityMap = { scale: SCALE, bounds: [Infinity, Infinity, -Infinity, -Infinity], zones: [], roads: { id: [], name: [], zone: [], tier: [], line: [] } };
  const extend = (p: Point) => {
    map.bounds = [Math.min(map.bounds[0], p[0]), Math.min(map.bounds[1], p[1]), Math.max(map.bounds[2], p[0]), Math.max(map.bounds[3], p[1])];
  };
  for (const road of sorted) {
    const points = vertices(road);
    points.forEach(extend);
    const own = pointsByZone.get(road.zoneId) ?? [];
    own.push(...points);
    pointsByZone.set(road.zoneId, own);
    map.roads.id.push(road.id);
    map.roads.name.push(road.name);
    map.roads.zone.push(zoneIndex.get(road.zoneId) ?? -1);
    map.roads.tier.push(road.tier);
    map.roads.line.push(deltas(points));
  }
  for (const zone of zones) {
    const centre: Point = [Math.round(zone.latitude * SCALE), Math.round(zone.longitude * SCALE)];
    extend(centre);
    map.zones.push({ id: zone.id, name: zone.name, outline: deltas(convexHull(pointsByZone.get(zone.id) ?? [centre])) });
  }
  if (map.bounds[0] === Infinity) map.bounds = [0, 0, 0, 0];
  return map;
}
