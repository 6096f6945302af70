import * as z from '../../../config/zod.ts';
import type { AnyRoute, ResponseDoc } from '../http/RouteDefinition.ts';
import { problemSchema } from '../schemas/problem.ts';

type Json = Record<string, unknown>;

const PROBLEM = 'application/problem+json';

/** Collects named schemas (zod .meta({ id })) as components, renaming an input form that differs from the output form. */
class Components {
  readonly schemas: Record<string, Json> = {};

  add(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
    const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
    const { $schema: _s, $defs = {}, ...root } = generated as Json & { $defs?: Record<string, Json> };
    // Names settle in a few rounds: a definition that differs from the one already placed gets a suffix.
    const renames = new Map(Object.keys($defs).map((id) => [id, id]));
    for (let round = 0; round < 4; round++) {
      let changed = false;
      for (const [id, def] of Object.entries($defs)) {
        const existing = this.schemas[id];
        const name = !existing || JSON.stringify(existing) === JSON.stringify(rewriteRefs(def, renames)) ? id : `${id}${io === 'input' ? 'Input' : 'Output'}`;
        if (renames.get(id) !== name) { renames.set(id, name); changed = true; }
      }
      if (!changed) break;
    }
    for (const [id, def] of Object.entries($defs)) this.schemas[renames.get(id)!] = rewriteRefs(def, renames) as Json;
    // A named root comes back as a bare $ref to its own definition.
    return rewriteRefs(root, renames) as Json;
  }

  finish(): Record<string, Json> {
    return Object.fromEntries(Object.entries(this.schemas).sort(([a], [b]) => a.localeCompare(b)));
  }
}

function rewriteRefs(value: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, renames));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
        const id = v.slice('#/$defs/'.length);
        return [k, `#/components/schemas/${renames.get(id) ?? id}`];
      }
      return [k, rewriteRefs(v, renames)];
    }));
  }
  return value;
}

function parameters(route: AnyRoute, components: Components): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = components.add(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = prop as Json & { description?: string };
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  if (route.method === 'GET') {
    out.push({ name: 'If-None-Match', in: 'header', required: false, description: 'the ETag of the answer you hold; when it is still current the answer is 304 with no body', schema: { type: 'string' } });
  }
  if (route.idempotent) {
    out.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'a unique key per intended action (e.g. a UUID); a repeat with the same key returns the first answer with Idempotent-Replayed: true', schema: { type: 'string', minLength: 1, maxLength: 255 } });
  }
  return out;
}

function responseObject(doc: ResponseDoc, components: Components): Json {
  const type = doc.contentType ?? 'application/json';
  if (!doc.schema && type === 'application/json') return { description: doc.description };
  return { description: doc.description, content: { [type]: { schema: doc.schema ? components.add(doc.schema, 'output') : { type: 'string' } } } };
}

function problem(description: string): ResponseDoc {
  return { description, schema: problemSchema, contentType: PROBLEM };
}

function responses(route: AnyRoute, components: Components): Json {
  const docs: Record<number, ResponseDoc> = { ...route.responses };
  if (route.params || route.query || route.body || route.idempotent) docs[400] ??= problem('invalid input: every bad field is listed in `errors`');
  if (route.access !== 'public') {
    docs[401] ??= problem('no token, or an invalid or expired one');
    docs[403] ??= problem(`the caller is not in the group ${route.access.join(' or ')}`);
  }
  if (route.params) docs[404] ??= problem('not found');
  if (route.method === 'GET') docs[304] ??= { description: 'not modified: the If-None-Match tag is still current (every 200 carries an ETag)' };
  if (route.body) {
    docs[413] ??= problem('the body is larger than the route accepts');
    docs[415] ??= problem(`the body is not sent as ${route.bodyType ?? 'application/json'}`);
  }
  if (route.idempotent) {
    docs[409] ??= problem('a request with the same Idempotency-Key is still running');
    docs[422] ??= problem('the Idempotency-Key was used for a different request');
  }
  return Object.fromEntries(Object.entries(docs).sort(([a], [b]) => Number(a) - Number(b)).map(([status, doc]) => [status, responseObject(doc, components)]));
}

/** The OpenAPI 3.1 document of the API, generated from the routes' own zod schemas. */
export function buildOpenApi(routes: readonly AnyRoute[]): Json {
  const components = new Components();
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))) {
    const operation: Json = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : { 'x-snowops-groups': [...route.access] }),
    };
    const params = parameters(route, components);
    if (params.length > 0) operation.parameters = params;
    if (route.body) operation.requestBody = { required: true, content: { [route.bodyType ?? 'application/json']: { schema: components.add(route.body, 'input') } } };
    operation.responses = responses(route, components);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'snowops API',
      version: '1.0.0',
      description: 'Emergency snow response: duty officers act, managers read, administrators keep the registry. Every error is application/problem+json (RFC 9457). Tokens are Cognito user-pool JWTs (groups duty-officer, manager, admin); locally, `npm run serve` prints one per group.',
    },
    servers: [{ url: 'http://localhost:3000', description: 'npm run serve' }],
    security: [{ bearer: [] }],
    tags: [
      { name: 'operations', description: 'the city at a glance' },
      { name: 'forecast', description: 'zone forecasts and their evidence' },
      { name: 'activations', description: 'preview, activate, upgrade, downgrade, stand down; tasks and reassignment' },
      { name: 'log', description: 'the append-only response log' },
      { name: 'reports', description: 'after-action report, ICS-214 activity log, CSV export' },
      { name: 'registry', description: 'zones, roads, crews, vehicles and the plan; CSV import' },
      { name: 'meta', description: 'this document' },
    ],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: components.finish() },
  };
}
