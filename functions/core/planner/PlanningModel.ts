import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { Crew } from '../registry/Crew.ts';
import type { Road } from '../registry/Road.ts';
import type { Vehicle } from '../registry/Vehicle.ts';
import type { Zone } from '../registry/Zone.ts';
import type { ResolvedPlannerSettings } from './resolvePlannerSettings.ts';
import type { Point } from './roadGeometry.ts';

/** One road pass to plan. */
export interface ModelTask {
  road: Road;
  pass: EquipmentClass;
  tier: 1 | 2 | 3;
  laneKm: number;
  zoneId: string;
  /** Objective cost of leaving it unassigned (tier weight × lane-km). */
  penalty: number;
  entry: Point;
  exit: Point;
  /** Hours after the start by which the plan wants it passable, when the road has a target. */
  targetH?: number;
}

/** A ready, free vehicle some available crew may drive. */
export interface ModelVehicle {
  vehicle: Vehicle;
  zoneId: string;
  depot: Point;
  rate: number;
}

/** A free crew with working time in the horizon. */
export interface ModelCrew {
  crew: Crew;
  zoneId: string;
  fromH: number;
  toH: number;
  depot: Point;
}

/** A crew that may drive a vehicle (same zone, certified), with the time the team would have. */
export interface ModelPair {
  crew: number;
  vehicle: number;
  /** Hours after the start at which the team can leave the vehicle's depot. */
  fromH: number;
  /** Working hours the team has. */
  hours: number;
}

/**
 * The planning problem as arrays. Each (task, vehicle) candidate is charged its work time plus the
 * round trip from the vehicle's depot, and for material passes the loading of what it spreads (and
 * extra trips for roads longer than a load): by the triangle inequality any order of a team's
 * tasks, driven road to road and topping up only when needed, then fits the hours the model counts. So the
 * model's plans are always feasible, and the same model is what the exact MIP in bench/planner solves.
 */
export interface PlanningModel {
  startAt: Date;
  horizonH: number;
  speedKmPerH: number;
  /** Scale of longitude at the city's latitude, for planarKm. */
  cosLat: number;
  settings: ResolvedPlannerSettings;
  tasks: ModelTask[];
  vehicles: ModelVehicle[];
  crews: ModelCrew[];
  pairs: ModelPair[];
  pairsOfVehicle: number[][];
  pairsOfCrew: number[][];
  /** Candidates of task j are cand*[candStart[j] .. candStart[j+1]). */
  candStart: Int32Array;
  candVehicle: Int32Array;
  /** Hours the candidate takes (travel both ways, work, reloads). */
  candHours: Float64Array;
  /** Deadhead km. */
  candKm: Float64Array;
  /** 1 when the vehicle's zone is not the road's (a lent crew). */
  candLent: Uint8Array;
  /** Objective cost when assigned: weight × (deadhead km + lending penalty). */
  candCost: Float64Array;
  /** Candidates naming vehicle v: vehTask/vehCand[vehStart[v] .. vehStart[v+1]). */
  vehStart: Int32Array;
  vehTask: Int32Array;
  vehCand: Int32Array;
  context: ModelContext;
}

/** What the shortfall explanations need beyond the arrays. */
export interface ModelContext {
  zones: readonly Zone[];
  allVehicles: readonly Vehicle[];
  busyVehicleIds: ReadonlySet<string>;
  busyCrewIds: ReadonlySet<string>;
  /** Crews not available in the horizon, with why. */
  unavailableCrews: { crew: Crew; reason: string }[];
  timeZone: string;
}
