import { distanceKm } from '../planner/distanceKm.ts';
import { resolvePlannerSettings } from '../planner/resolvePlannerSettings.ts';
import { roadEnds, type Point } from '../planner/roadGeometry.ts';
import type { Task } from '../operations/Task.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Road } from '../registry/Road.ts';
import type { Vehicle } from '../registry/Vehicle.ts';

const HOUR_MS = 3_600_000;

/**
 * When a team could do one more road after the tasks it holds: from the end of its last open task
 * (or its depot, at `earliest`), travel at the plan's speed, then work at the vehicle's rate.
 */
export function appendedTimes(args: {
  plan: CityPlan; road: Road; vehicle: Vehicle; depot: Point; teamTasks: readonly Task[]; roads: ReadonlyMap<string, Road>; earliest: Date;
}): { startBy: string; passableAt: string; sequence: number } {
  const { detourFactor } = resolvePlannerSettings(args.plan);
  const last = [...args.teamTasks].sort((a, b) => a.sequence - b.sequence).at(-1);
  const lastRoad = last ? args.roads.get(last.roadId) : undefined;
  const from: Point = lastRoad ? roadEnds(lastRoad).exit : args.depot;
  const leaveAt = Math.max(args.earliest.getTime(), last ? Date.parse(last.passableAt) : 0);
  const { entry } = roadEnds(args.road);
  const km = detourFactor * distanceKm(from.lat, from.lon, entry.lat, entry.lon);
  const start = leaveAt + (km / args.plan.travelSpeedKmPerH) * HOUR_MS;
  const end = start + (args.road.laneKm / args.vehicle.workRateLaneKmPerH) * HOUR_MS;
  return { startBy: new Date(start).toISOString(), passableAt: new Date(end).toISOString(), sequence: (last?.sequence ?? 0) + 1 };
}
