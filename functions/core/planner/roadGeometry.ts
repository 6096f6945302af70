import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { Road } from '../registry/Road.ts';

export interface Point {
  lat: number;
  lon: number;
}

/** Where work on a road starts and ends: the ends of its line, or its point twice. */
export function roadEnds(road: Road): { entry: Point; exit: Point } {
  const first = road.line?.[0];
  const last = road.line?.[road.line.length - 1];
  const point = { lat: road.latitude, lon: road.longitude };
  return {
    entry: first ? { lat: first[0], lon: first[1] } : point,
    exit: last ? { lat: last[0], lon: last[1] } : point,
  };
}

/** The passes a road needs at a level: its per-level list when it has one, else its usual passes. */
export function passesAt(road: Road, level: ResponseLevel): readonly EquipmentClass[] {
  if (level === 'none') return [];
  return road.passesByLevel?.[level] ?? road.passes;
}
