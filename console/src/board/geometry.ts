import type { CityMap } from '../api/types.ts';

export interface Projected {
  width: number;
  height: number;
  /** SVG path per road, in the map's road order. */
  roads: string[];
  /** Whether each road is a single point (drawn as a dot). */
  points: boolean[];
  /** Outline, and where the level badge sits: above the outline's top edge. */
  zones: { path: string; cx: number; top: number }[];
  /** A point in degrees to SVG coordinates, and back (the report page's pin). */
  toXY(lat: number, lon: number): [number, number];
  toLatLon(x: number, y: number): [number, number];
}

function points(deltas: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let lat = 0;
  let lon = 0;
  for (let i = 0; i + 1 < deltas.length; i += 2) {
    lat += deltas[i]!;
    lon += deltas[i + 1]!;
    out.push([lat, lon]);
  }
  return out;
}

/**
 * Projects the map's scaled coordinates to SVG (x east, y south), with longitude shrunk by the cosine
 * of the middle latitude so that streets keep their shape. Done once per map, not per refresh.
 */
export function project(map: CityMap): Projected {
  const [south, west, north, east] = map.bounds;
  const k = Math.cos(((south + north) / 2 / map.scale) * (Math.PI / 180));
  const pad = Math.max(north - south, (east - west) * k) * 0.06 + 1;
  const xy = ([lat, lon]: [number, number]) => [Math.round((lon - west) * k + pad), Math.round(north - lat + pad)] as const;
  const line = (pts: [number, number][]) => {
    const p = pts.map(xy);
    return p.length === 1 ? `M${p[0]![0]} ${p[0]![1]}h0` : `M${p.map(([x, y]) => `${x} ${y}`).join('L')}`;
  };
  return {
    width: Math.round((east - west) * k + 2 * pad),
    height: Math.round(north - south + 2 * pad),
    toXY: (lat, lon) => [(lon * map.scale - west) * k + pad, north - lat * map.scale + pad],
    toLatLon: (x, y) => [(north + pad - y) / map.scale, ((x - pad) / k + west) / map.scale],
    roads: map.roads.line.map((d) => line(points(d))),
    points: map.roads.line.map((d) => d.length <= 2),
    zones: map.zones.map((z) => {
      const p = points(z.outline).map(xy);
      const cx = p.reduce((s, q) => s + q[0], 0) / Math.max(1, p.length);
      const top = Math.min(...p.map((q) => q[1]));
      return { path: p.length > 2 ? `M${p.map(([x, y]) => `${x} ${y}`).join('L')}Z` : '', cx, top };
    }),
  };
}
