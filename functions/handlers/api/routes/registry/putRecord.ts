import { saveRegistryRecord } from '../../../../core/registry/editRegistry.ts';
import type { RegistryKind, RegistryRecords } from '../../../../core/registry/RegistryKind.ts';
import { ADMINS } from '../../auth/access.ts';
import { json } from '../../http/ApiResponse.ts';
import { ProblemError } from '../../http/ProblemError.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { problemSchema } from '../../schemas/problem.ts';
import { idParamsSchema, kindDoc } from './registryKinds.ts';

/** PUT /registry/<kind>/{id}: create or replace (administrators). */
export function putRecord(kind: RegistryKind) {
  const doc = kindDoc(kind);
  return defineRoute({
    method: 'PUT', path: `/registry/${kind}/{id}`, operationId: `put${doc.name}`, tag: 'registry', access: ADMINS,
    summary: `Create or replace a ${doc.noun}`,
    description: `Validated like the city file; the ${doc.noun}'s zone must exist${kind === 'crews' ? ', and each phone may belong to one crew only (409 otherwise)' : ''}. Logged to the "registry" stream.`,
    params: idParamsSchema,
    body: doc.body,
    responses: {
      200: { description: 'replaced', schema: doc.record },
      201: { description: 'created', schema: doc.record },
      409: { description: 'a phone already belongs to another crew', schema: problemSchema, contentType: 'application/problem+json' },
      422: { description: 'refers to a zone that does not exist, or breaks a registry rule', schema: problemSchema, contentType: 'application/problem+json' },
    },
    handle: async ({ deps, params, body, principal }) => {
      if (body.id !== undefined && body.id !== params.id) {
        throw new ProblemError(400, 'validation', 'Invalid request', `body id "${body.id}" differs from the path id "${params.id}"; leave it out or make them equal`, { errors: [{ in: 'body', field: 'id', detail: 'must equal the id in the path' }] });
      }
      const record = { ...body, id: params.id } as RegistryRecords[typeof kind];
      const saved = await saveRegistryRecord(deps, kind, record, principal.username);
      return json(saved.created ? 201 : 200, saved.record);
    },
  });
}
