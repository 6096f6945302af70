import { deleteRegistryRecord } from '../../../../core/registry/editRegistry.ts';
import type { RegistryKind } from '../../../../core/registry/RegistryKind.ts';
import { ADMINS } from '../../auth/access.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { problemSchema } from '../../schemas/problem.ts';
import { idParamsSchema, kindDoc } from './registryKinds.ts';

/** DELETE /registry/<kind>/{id} (administrators); refused while something depends on the record. */
export function deleteRecord(kind: RegistryKind) {
  const doc = kindDoc(kind);
  return defineRoute({
    method: 'DELETE', path: `/registry/${kind}/{id}`, operationId: `delete${doc.name}`, tag: 'registry', access: ADMINS,
    summary: `Delete a ${doc.noun}`,
    params: idParamsSchema,
    responses: {
      204: { description: 'deleted' },
      409: { description: kind === 'zones' ? 'roads, crews or vehicles still belong to the zone' : `the ${doc.noun} is on open tasks`, schema: problemSchema, contentType: 'application/problem+json' },
    },
    handle: async ({ deps, params, principal }) => {
      await deleteRegistryRecord(deps, kind, params.id, principal.username);
      return { status: 204 };
    },
  });
}
