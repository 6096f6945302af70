import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import type { Depot } from '../registry/Depot.ts';
import type { Road } from '../registry/Road.ts';
import type { Vehicle } from '../registry/Vehicle.ts';
import type { Zone } from '../registry/Zone.ts';

/** What a registry import reads and writes. */
export interface RegistryImportStore {
  /** The plan, for the duty officer's phone (no crew may have it). */
  getPlan(): Promise<CityPlan>;
  listZones(): Promise<Zone[]>;
  listDepots(): Promise<Depot[]>;
  listRoads(): Promise<Road[]>;
  listCrews(): Promise<Crew[]>;
  listVehicles(): Promise<Vehicle[]>;
  /** Writes records, replacing any with the same id; crews also get their phone lookups. */
  put(records: { roads?: Road[]; crews?: Crew[]; vehicles?: Vehicle[] }): Promise<void>;
  /** Removes phone lookups a crew no longer has (only while they still point at that crew). */
  removePhoneLinks(links: { phone: string; crewId: string }[]): Promise<void>;
}
