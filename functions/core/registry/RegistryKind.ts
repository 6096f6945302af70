import type { z } from 'zod';
import { crewSchema, type Crew } from './Crew.ts';
import { roadSchema, type Road } from './Road.ts';
import { vehicleSchema, type Vehicle } from './Vehicle.ts';
import { zoneSchema, type Zone } from './Zone.ts';

export const REGISTRY_KINDS = ['zones', 'roads', 'crews', 'vehicles'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export interface RegistryRecords {
  zones: Zone;
  roads: Road;
  crews: Crew;
  vehicles: Vehicle;
}
export type RegistryRecord = RegistryRecords[RegistryKind];

/** The schema each kind of registry record is validated with. */
export const REGISTRY_SCHEMAS: { [K in RegistryKind]: z.ZodType<RegistryRecords[K]> } = {
  zones: zoneSchema,
  roads: roadSchema,
  crews: crewSchema,
  vehicles: vehicleSchema,
} as { [K in RegistryKind]: z.ZodType<RegistryRecords[K]> };

/** Singular noun for messages: "crew C03". */
export const REGISTRY_NOUN: Record<RegistryKind, string> = { zones: 'zone', roads: 'road', crews: 'crew', vehicles: 'vehicle' };
