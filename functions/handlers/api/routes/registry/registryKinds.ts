import * as z from '../../../../config/zod.ts';
import { crewSchema } from '../../../../core/registry/Crew.ts';
import type { RegistryKind } from '../../../../core/registry/RegistryKind.ts';
import { roadSchema } from '../../../../core/registry/Road.ts';
import { vehicleSchema } from '../../../../core/registry/Vehicle.ts';
import { zoneSchema } from '../../../../core/registry/Zone.ts';

const RECORD_SCHEMAS = { zones: zoneSchema, roads: roadSchema, crews: crewSchema, vehicles: vehicleSchema } as const;

/** The object schema inside a record's schema, which core builds on first use (z.lazy). */
function objectOf<K extends RegistryKind>(kind: K) {
  return RECORD_SCHEMAS[kind]._zod.innerType as z.ZodMiniObject<(typeof RECORD_SCHEMAS)[K]['_zod']['innerType']['shape']>;
}

function describeKind<K extends RegistryKind>(kind: K) {
  const name = { zones: 'Zone', roads: 'Road', crews: 'Crew', vehicles: 'Vehicle' }[kind];
  const record = z.lazy(() => objectOf(kind).clone().register(z.globalRegistry, { id: name }));
  const body = z.lazy(() => z.strictObject({ ...objectOf(kind).shape, id: z.optional(z.string().check(z.minLength(1))).check(z.describe('may be left out; must equal the path id when given')) }).register(z.globalRegistry, { id: `${name}Body` }));
  return { kind, name, noun: name.toLowerCase(), record, body };
}

// Built once per kind: a schema id may be registered only once.
const DOCS = { zones: describeKind('zones'), roads: describeKind('roads'), crews: describeKind('crews'), vehicles: describeKind('vehicles') };

/** Per kind of registry record: its documented schema and the body a PUT takes (the id may be left out). */
export function kindDoc<K extends RegistryKind>(kind: K): (typeof DOCS)[K] {
  return DOCS[kind];
}

export const idParamsSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_.:-]+$/, 'an id has letters, digits and . _ : - only')) });
