import * as z from 'zod';
import { crewSchema } from '../../../../core/registry/Crew.ts';
import type { RegistryKind } from '../../../../core/registry/RegistryKind.ts';
import { roadSchema } from '../../../../core/registry/Road.ts';
import { vehicleSchema } from '../../../../core/registry/Vehicle.ts';
import { zoneSchema } from '../../../../core/registry/Zone.ts';

const RECORD_SCHEMAS = { zones: zoneSchema, roads: roadSchema, crews: crewSchema, vehicles: vehicleSchema } as const;

function describeKind<K extends RegistryKind>(kind: K) {
  const schema = RECORD_SCHEMAS[kind];
  const name = { zones: 'Zone', roads: 'Road', crews: 'Crew', vehicles: 'Vehicle' }[kind];
  const record = schema.meta({ id: name });
  const body = z.strictObject({ ...schema.shape, id: z.string().min(1).optional().describe('may be left out; must equal the path id when given') }).meta({ id: `${name}Body` });
  return { kind, name, noun: name.toLowerCase(), record, body };
}

// Built once per kind: a schema id may be registered only once.
const DOCS = { zones: describeKind('zones'), roads: describeKind('roads'), crews: describeKind('crews'), vehicles: describeKind('vehicles') };

/** Per kind of registry record: its documented schema and the body a PUT takes (the id may be left out). */
export function kindDoc<K extends RegistryKind>(kind: K): (typeof DOCS)[K] {
  return DOCS[kind];
}

export const idParamsSchema = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'an id has letters, digits and . _ : - only') });
