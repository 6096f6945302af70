import type { Crew } from './Crew.ts';
import type { Road } from './Road.ts';
import type { Vehicle } from './Vehicle.ts';
import type { Zone } from './Zone.ts';

export const REGISTRY_KINDS = ['zones', 'roads', 'crews', 'vehicles'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export interface RegistryRecords {
  zones: Zone;
  roads: Road;
  crews: Crew;
  vehicles: Vehicle;
}
export type RegistryRecord = RegistryRecords[RegistryKind];

/** Singular noun for messages: "crew C03". */
export const REGISTRY_NOUN: Record<RegistryKind, string> = { zones: 'zone', roads: 'road', crews: 'crew', vehicles: 'vehicle' };
