import { candidateLists, candidatesByVehicle } from './candidateLists.ts';
import { modelTeams } from './modelTeams.ts';
import type { ModelTask, PlanningModel } from './PlanningModel.ts';
import type { PlannerInput } from './PlannerInput.ts';
import { cityCosLat } from './planarKm.ts';
import { resolvePlannerSettings, type ResolvedPlannerSettings } from './resolvePlannerSettings.ts';
import { passesAt, roadEnds } from './roadGeometry.ts';
import { roadsInScope } from './roadsInScope.ts';

export interface ModelOptions {
  /** Keep at most this many candidate vehicles per task (the cheapest); default 48. */
  maxCandidates?: number;
}

/** The road passes in scope at the zones' levels, less those already tasked. */
function modelTasks(input: PlannerInput, settings: ResolvedPlannerSettings): ModelTask[] {
  const covered = input.coveredPasses ?? new Set<string>();
  const [w1, w2, w3] = settings.weights.unassignedLaneKm;
  const tierWeight = [0, w1, w2, w3];
  const tasks: ModelTask[] = [];
  for (const road of roadsInScope(input.plan, input.roads, input.zoneLevels)) {
    const level = input.zoneLevels[road.zoneId] ?? 'none';
    const { entry, exit } = roadEnds(road);
    const target = level === 'none' ? undefined : road.targetHoursByLevel?.[level];
    for (const pass of passesAt(road, level)) {
      if (covered.has(`${road.id}#${pass}`)) continue;
      tasks.push({ road, pass, tier: road.tier, laneKm: road.laneKm, zoneId: road.zoneId, penalty: tierWeight[road.tier]! * road.laneKm, entry, exit, ...(target !== undefined ? { targetH: target } : {}) });
    }
  }
  return tasks;
}

/** Builds the planning model: road passes in scope, free ready vehicles, available crews, who may do what. */
export function buildPlanningModel(input: PlannerInput, options: ModelOptions = {}): PlanningModel {
  const { plan } = input;
  const settings = resolvePlannerSettings(plan);
  const cosLat = cityCosLat(input.zones.map((z) => z.latitude));
  const tasks = modelTasks(input, settings);
  const teams = modelTeams(input, settings, cosLat);
  const { vehicles, pairs, pairsOfVehicle } = teams;
  const maxHours = Float64Array.from(vehicles, (_, v) => Math.max(...pairsOfVehicle[v]!.map((p) => pairs[p]!.hours)));
  const lists = candidateLists(tasks, vehicles, maxHours, settings, cosLat, plan.travelSpeedKmPerH, options.maxCandidates ?? 48);
  return {
    startAt: input.startAt, horizonH: plan.shiftHours, speedKmPerH: plan.travelSpeedKmPerH, cosLat, settings, tasks,
    vehicles, crews: teams.crews, pairs, pairsOfVehicle, pairsOfCrew: teams.pairsOfCrew,
    ...lists, ...candidatesByVehicle(lists, vehicles.length),
    context: {
      zones: input.zones, allVehicles: input.vehicles, busyVehicleIds: input.busyVehicleIds ?? new Set<string>(),
      busyCrewIds: input.busyCrewIds ?? new Set<string>(), unavailableCrews: teams.unavailableCrews, timeZone: plan.timeZone,
    },
  };
}
