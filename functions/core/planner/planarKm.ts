import type { Point } from './roadGeometry.ts';

const KM_PER_DEGREE = 111.195;

/**
 * Straight-line km between two points of one city, on a plane scaled at the city's latitude:
 * within a few percent of the great-circle distance at city scale, much cheaper, and a true
 * metric (the triangle inequality holds, which the planner's travel bound relies on).
 */
export function planarKm(a: Point, b: Point, cosLat: number): number {
  const dx = (a.lon - b.lon) * cosLat * KM_PER_DEGREE;
  const dy = (a.lat - b.lat) * KM_PER_DEGREE;
  return Math.sqrt(dx * dx + dy * dy);
}

/** The cosine of a city's mean latitude, for planarKm. */
export function cityCosLat(latitudes: readonly number[]): number {
  const mean = latitudes.length > 0 ? latitudes.reduce((s, x) => s + x, 0) / latitudes.length : 0;
  return Math.cos((mean * Math.PI) / 180);
}
