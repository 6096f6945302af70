import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import type { Depot } from '../registry/Depot.ts';
import type { Road } from '../registry/Road.ts';
import type { Vehicle } from '../registry/Vehicle.ts';
import type { Zone } from '../registry/Zone.ts';

export interface PlannerInput {
  plan: CityPlan;
  zones: Zone[];
  roads: Road[];
  crews: Crew[];
  vehicles: Vehicle[];
  /** Depot locations; without them a zone's centre stands in for its depots. */
  depots?: Depot[];
  /** The level in force in each zone; zones absent or at 'none' have no roads in scope. */
  zoneLevels: Record<string, ResponseLevel>;
  /** When work can start, UTC. */
  startAt: Date;
  /** Crews and vehicles already booked elsewhere. */
  busyCrewIds?: ReadonlySet<string>;
  busyVehicleIds?: ReadonlySet<string>;
  /** Road passes already tasked (key roadId#pass), so a re-plan does not repeat them. */
  coveredPasses?: ReadonlySet<string>;
}
