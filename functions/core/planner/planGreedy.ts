import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { Road } from '../registry/Road.ts';
import type { Zone } from '../registry/Zone.ts';
import { distanceKm } from './distanceKm.ts';
import { explainShortfall } from './explainShortfall.ts';
import { formTeams } from './formTeams.ts';
import type { AssignmentPlan, Shortfall, Team } from './PlanTypes.ts';
import type { PlannerInput } from './PlannerInput.ts';
import { roadsInScope } from './roadsInScope.ts';

const HOUR_MS = 3_600_000;

interface TeamState {
  team: Team;
  zoneId: string;
  rate: number;
  chloride: boolean;
  freeAt: number;
  lat: number;
  lon: number;
}

/**
 * Greedy planner: forms teams, then gives each road pass (tier 1 first) to the team of the right
 * class that would finish it earliest within its shift, own zone preferred. Nothing is written.
 */
export function planGreedy(input: PlannerInput): AssignmentPlan {
  const { plan, zones } = input;
  const busyCrew = input.busyCrewIds ?? new Set<string>();
  const busyVehicle = input.busyVehicleIds ?? new Set<string>();
  const covered = input.coveredPasses ?? new Set<string>();
  const scope = roadsInScope(plan, input.roads, input.zoneLevels);
  const work: { road: Road; pass: EquipmentClass }[] = [];
  const demand = new Map<EquipmentClass, number>();
  for (const road of scope) {
    for (const pass of road.passes) {
      if (covered.has(`${road.id}#${pass}`)) continue;
      work.push({ road, pass });
      demand.set(pass, (demand.get(pass) ?? 0) + road.laneKm);
    }
  }
  const zoneById = new Map<string, Zone>(zones.map((z) => [z.id, z]));
  const seeds = formTeams(
    input.crews.filter((c) => !busyCrew.has(c.id)),
    input.vehicles.filter((v) => !busyVehicle.has(v.id)),
    demand,
  );
  const start = input.startAt.getTime();
  const shiftEnd = start + plan.shiftHours * HOUR_MS;
  const states: TeamState[] = seeds.map(({ crew, vehicle }) => {
    const home = zoneById.get(crew.zoneId);
    return {
      team: { crewId: crew.id, vehicleId: vehicle.id, vehicleLabel: vehicle.label, vehicleClass: vehicle.class, depot: vehicle.depot, lent: false, tasks: [] },
      zoneId: crew.zoneId,
      rate: vehicle.workRateLaneKmPerH,
      chloride: vehicle.chlorideAgent,
      freeAt: start,
      lat: home?.latitude ?? 0,
      lon: home?.longitude ?? 0,
    };
  });
  const shortfalls: Shortfall[] = [];
  for (const { road, pass } of work) {
    let best: { s: TeamState; begin: number; end: number; km: number; score: number } | undefined;
    let hadTeam = false;
    for (const s of states) {
      if (s.team.vehicleClass !== pass) continue;
      if (pass === 'spreader' && s.chloride && !road.agentAllowed) continue;
      hadTeam = true;
      const km = distanceKm(s.lat, s.lon, road.latitude, road.longitude);
      const begin = s.freeAt + (km / plan.travelSpeedKmPerH) * HOUR_MS;
      const end = begin + (road.laneKm / s.rate) * HOUR_MS;
      if (end > shiftEnd) continue;
      // Lending a crew out of its zone is allowed, but its own zone's crews go first.
      const score = end + (s.zoneId === road.zoneId ? 0 : HOUR_MS);
      if (!best || score < best.score) best = { s, begin, end, km, score };
    }
    if (!best) {
      shortfalls.push({ roadId: road.id, roadName: road.name, zoneId: road.zoneId, tier: road.tier, pass, laneKm: road.laneKm, reason: explainShortfall(road, pass, input.vehicles, zones, hadTeam) });
      continue;
    }
    const { s, begin, end, km } = best;
    s.team.tasks.push({
      roadId: road.id, roadName: road.name, zoneId: road.zoneId, tier: road.tier, pass, laneKm: road.laneKm,
      sequence: s.team.tasks.length + 1,
      startBy: new Date(begin).toISOString(),
      passableAt: new Date(end).toISOString(),
      travelKm: Math.round(km * 100) / 100,
    });
    if (road.zoneId !== s.zoneId) s.team.lent = true;
    s.freeAt = end;
    s.lat = road.latitude;
    s.lon = road.longitude;
  }
  return { teams: states.map((s) => s.team).filter((t) => t.tasks.length > 0), shortfalls };
}
