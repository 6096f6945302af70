import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import type { Depot } from '../registry/Depot.ts';
import type { Road } from '../registry/Road.ts';
import type { Vehicle } from '../registry/Vehicle.ts';
import type { Zone } from '../registry/Zone.ts';

/** The city's registry: plan, zones, roads, crews, equipment. */
export interface RegistryStore {
  getPlan(): Promise<CityPlan>;
  listZones(): Promise<Zone[]>;
  listRoads(): Promise<Road[]>;
  /** A token that changes whenever the roads do (one small read): what the map is versioned by. */
  roadsRevision(): Promise<string>;
  listCrews(): Promise<Crew[]>;
  listVehicles(): Promise<Vehicle[]>;
  /** Depots with their locations; empty when the registry has none (zone centres stand in). */
  listDepots(): Promise<Depot[]>;
  /** The crew whose leader or backup has this phone. */
  findCrewByPhone(phone: string): Promise<{ crew: Crew; role: 'leader' | 'backup' } | undefined>;
}
