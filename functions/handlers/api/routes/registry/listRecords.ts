import * as z from '../../../../config/zod.ts';
import type { RegistryKind } from '../../../../core/registry/RegistryKind.ts';
import { READERS } from '../../auth/access.ts';
import { json } from '../../http/ApiResponse.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { kindDoc } from './registryKinds.ts';

const LISTS = { zones: 'listZones', roads: 'listRoads', crews: 'listCrews', vehicles: 'listVehicles' } as const;

/** GET /registry/<kind>: every record; phones are shown to administrators only. */
export function listRecords(kind: RegistryKind) {
  const doc = kindDoc(kind);
  return defineRoute({
    method: 'GET', path: `/registry/${kind}`, operationId: `list${doc.name}s`, tag: 'registry', access: READERS,
    summary: `List ${kind}`,
    description: kind === 'crews' ? 'Leader and backup phones are shown in full to administrators and masked for everyone else.' : undefined,
    responses: { 200: { description: `every ${doc.noun}, by id`, schema: z.lazy(() => z.object({ [kind]: z.array(doc.record) })) } },
    handle: async ({ deps }) => {
      const records = [...(await deps.registry[LISTS[kind]]())].sort((a, b) => a.id.localeCompare(b.id));
      // Masked for everyone but administrators by the route handler, as every answer is.
      return json(200, { [kind]: records });
    },
  });
}
