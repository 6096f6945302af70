import { NotFoundError } from '../../../../core/errors/NotFoundError.ts';
import type { RegistryKind } from '../../../../core/registry/RegistryKind.ts';
import { READERS } from '../../auth/access.ts';
import { json } from '../../http/ApiResponse.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { idParamsSchema, kindDoc } from './registryKinds.ts';

/** GET /registry/<kind>/{id}. */
export function getRecord(kind: RegistryKind) {
  const doc = kindDoc(kind);
  return defineRoute({
    method: 'GET', path: `/registry/${kind}/{id}`, operationId: `get${doc.name}`, tag: 'registry', access: READERS,
    summary: `Read a ${doc.noun}`,
    params: idParamsSchema,
    responses: { 200: { description: `the ${doc.noun}`, schema: doc.record } },
    handle: async ({ deps, params }) => {
      const record = await deps.registryAdmin.getRecord(kind, params.id);
      if (!record) throw new NotFoundError(doc.noun, params.id);
      return json(200, record); // masked for everyone but administrators by the route handler
    },
  });
}
