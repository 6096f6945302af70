import type { ReadyPlan } from '../operations/ReadyPlan.ts';
import { crewAvailability } from '../planner/crewAvailability.ts';
import type { AssignmentPlan, PlannedTask, Team } from '../planner/PlanTypes.ts';
import type { PlannerInput } from '../planner/PlannerInput.ts';
import { planRoutes, type PlanRoutesOptions } from '../planner/planRoutes.ts';
import { resolvePlannerSettings } from '../planner/resolvePlannerSettings.ts';
import { passesAt } from '../planner/roadGeometry.ts';
import { roadsInScope } from '../planner/roadsInScope.ts';

const HOUR_MS = 3_600_000;

/** Zones whose level differs between two sets of zone levels (a zone absent is at none). */
export function changedZones(before: Record<string, string>, now: Record<string, string>): number {
  const zones = new Set([...Object.keys(before), ...Object.keys(now)]);
  return [...zones].filter((z) => (before[z] ?? 'none') !== (now[z] ?? 'none')).length;
}

/** What a repair kept of the ready plan, what it dropped because something changed, and what it planned anew. */
export interface Repair {
  /** Zones whose level now differs from the one the plan was made for. */
  zonesChanged: number;
  keptTeams: number;
  keptTasks: number;
  droppedTeams: number;
  droppedTasks: number;
  newTeams: number;
  newTasks: number;
}

/**
 * Repairs a plan made ahead of the snow against the input at activation, instead of planning from
 * nothing: a team is kept while its crew and vehicle are still in the registry, free, the vehicle ready
 * and of its class, the crew certified for it and on duty; each kept team keeps the passes still in
 * scope and not yet tasked on roads that did not change, in its order, its times moved to the real start
 * (dropping a pass only shortens the way, so the later times still hold; passes past the crew's working
 * time are dropped). Then the passes left (dropped ones, ones the levels brought into scope, the ready
 * plan's shortfalls) are planned with the crews and vehicles left: the plan's stats would describe only those, and are left out.
 * Nothing is written.
 */
export function repairReadyPlan(input: PlannerInput, ready: ReadyPlan, options: PlanRoutesOptions = {}): AssignmentPlan & { repair: Repair } {
  const startMs = input.startAt.getTime();
  const shiftMs = startMs - Date.parse(ready.startAt);
  const { plan } = input;
  const { maxDutyHours } = resolvePlannerSettings(plan);
  const roads = new Map(input.roads.map((r) => [r.id, r]));
  const crews = new Map(input.crews.map((c) => [c.id, c]));
  const vehicles = new Map(input.vehicles.map((v) => [v.id, v]));
  const busyCrews = new Set(input.busyCrewIds ?? []);
  const busyVehicles = new Set(input.busyVehicleIds ?? []);
  const covered = new Set(input.coveredPasses ?? []);
  const inScope = new Set(roadsInScope(plan, input.roads, input.zoneLevels).flatMap((r) => passesAt(r, input.zoneLevels[r.zoneId] ?? 'none').map((p) => `${r.id}#${p}`)));
  const moved = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();

  const kept: Team[] = [];
  let droppedTeams = 0;
  let droppedTasks = 0;
  for (const team of ready.teams) {
    const crew = crews.get(team.crewId);
    const vehicle = vehicles.get(team.vehicleId);
    const available = crew ? crewAvailability(crew, input.startAt, plan.shiftHours, plan.timeZone, maxDutyHours) : undefined;
    const usable = crew && vehicle && available?.available && vehicle.status === 'ready' && vehicle.class === team.vehicleClass
      && crew.certified.includes(vehicle.class) && !busyCrews.has(crew.id) && !busyVehicles.has(vehicle.id);
    if (!usable || !available?.available) {
      droppedTeams++;
      droppedTasks += team.tasks.length;
      continue;
    }
    const fromMs = startMs + available.fromH * HOUR_MS;
    const endMs = startMs + available.toH * HOUR_MS;
    const tasks: PlannedTask[] = [];
    for (const t of team.tasks) {
      const key = `${t.roadId}#${t.pass}`;
      const road = roads.get(t.roadId);
      const passableAt = moved(t.passableAt);
      const startBy = moved(t.startBy);
      const holds = road && inScope.has(key) && !covered.has(key) && road.laneKm === t.laneKm && road.zoneId === t.zoneId && road.tier === t.tier
        && Date.parse(startBy) >= fromMs && Date.parse(passableAt) <= endMs;
      if (!holds) continue;
      const level = input.zoneLevels[road.zoneId] ?? 'none';
      const targetH = level === 'none' ? undefined : road.targetHoursByLevel?.[level];
      // The target counts from the real start of work, at the level the zone has now.
      const next: PlannedTask = { ...t, sequence: tasks.length + 1, startBy, passableAt };
      delete next.targetAt;
      if (targetH !== undefined) next.targetAt = new Date(startMs + targetH * HOUR_MS).toISOString();
      tasks.push(next);
    }
    droppedTasks += team.tasks.length - tasks.length;
    if (tasks.length === 0) {
      droppedTeams++;
      continue;
    }
    kept.push({ ...team, tasks, ...(team.availableUntil ? { availableUntil: new Date(endMs).toISOString() } : {}) });
  }

  const rest = planRoutes({
    ...input,
    busyCrewIds: new Set([...busyCrews, ...kept.map((t) => t.crewId)]),
    busyVehicleIds: new Set([...busyVehicles, ...kept.map((t) => t.vehicleId)]),
    coveredPasses: new Set([...covered, ...kept.flatMap((t) => t.tasks.map((p) => `${p.roadId}#${p.pass}`))]),
  }, options);
  const keptTasks = kept.reduce((n, t) => n + t.tasks.length, 0);
  return {
    teams: [...kept, ...rest.teams],
    shortfalls: rest.shortfalls,
    repair: { zonesChanged: changedZones(ready.zoneLevels, input.zoneLevels), keptTeams: kept.length, keptTasks, droppedTeams, droppedTasks, newTeams: rest.teams.length, newTasks: rest.teams.reduce((n, t) => n + t.tasks.length, 0) },
  };
}
