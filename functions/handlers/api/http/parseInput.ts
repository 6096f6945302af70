import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from '../../../config/zod.ts';
import type { FieldProblem } from './ProblemError.ts';
import { decodeBody } from './decodeBody.ts';
import { ProblemError } from './ProblemError.ts';
import type { AnyRoute } from './RouteDefinition.ts';

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

function fieldProblems(where: FieldProblem['in'], error: z.core.$ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    // A query value is one string, whatever it is parsed into: name the parameter only.
    const base = where === 'query' ? String(issue.path[0] ?? '') : issue.path.map(String).join('.');
    const field = unknownKeys.length > 0 ? [base, unknownKeys[0]].filter(Boolean).join('.') : base || '(root)';
    const detail = unknownKeys.length > 0 ? `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `"${k}"`).join(', ')}: check the spelling against /openapi.json` : issue.message;
    return { in: where, field, detail };
  });
}

function validate<S extends z.ZodMiniType>(schema: S | undefined, where: FieldProblem['in'], value: unknown, problems: FieldProblem[]): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push(...fieldProblems(where, result.error));
  return undefined as z.output<S>;
}

function decodePathParameters(event: APIGatewayProxyEventV2): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.pathParameters ?? {})) {
    try {
      out[k] = decodeURIComponent(v ?? '');
    } catch {
      throw new ProblemError(400, 'validation', 'Invalid request', `path parameter ${k} is not valid percent-encoding`, { errors: [{ in: 'path', field: k, detail: 'not valid percent-encoding' }] });
    }
  }
  return out;
}

function readBody(route: AnyRoute, event: APIGatewayProxyEventV2): unknown {
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const size = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').length : Buffer.byteLength(event.body, 'utf8')) : 0;
  if (size > limit) throw new ProblemError(413, 'body-too-large', 'Body too large', `the body is ${size} bytes; this route accepts at most ${limit}`, { limit });
  const type = (event.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const raw = decodeBody(event);
  if (raw.trim() === '') return undefined;
  if (route.bodyType === 'text/csv') {
    if (type !== 'text/csv') throw new ProblemError(415, 'unsupported-media-type', 'Unsupported media type', `send the file as CSV text with the header Content-Type: text/csv (got "${type || 'none'}")`);
    return raw;
  }
  if (route.bodyType === 'application/x-www-form-urlencoded') {
    if (type !== 'application/x-www-form-urlencoded') throw new ProblemError(415, 'unsupported-media-type', 'Unsupported media type', `send the fields as a form with the header Content-Type: application/x-www-form-urlencoded (got "${type || 'none'}")`);
    // A field given twice keeps its first value: nothing here takes lists.
    const fields: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(raw)) if (!(k in fields)) fields[k] = v;
    return fields;
  }
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new ProblemError(415, 'unsupported-media-type', 'Unsupported media type', `send the body as JSON with the header Content-Type: application/json (got "${type || 'none'}")`);
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ProblemError(400, 'invalid-json', 'Body is not valid JSON', `the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Parses path, query and body with the route's zod schemas; every problem found is reported at once (400). */
export function parseInput(route: AnyRoute, event: APIGatewayProxyEventV2): { params: unknown; query: unknown; body: unknown } {
  const problems: FieldProblem[] = [];
  const params = validate(route.params, 'path', decodePathParameters(event), problems);
  const query = validate(route.query, 'query', event.queryStringParameters ?? {}, problems);
  const rawBody = route.body ? readBody(route, event) : undefined;
  let body: unknown;
  if (route.body && rawBody === undefined && !route.body.safeParse(undefined).success) {
    problems.push({ in: 'body', field: '(root)', detail: route.bodyType === 'text/csv' ? 'a CSV body is required: the file, header line first' : route.bodyType === 'application/x-www-form-urlencoded' ? 'a form body is required' : 'a JSON body is required (see /openapi.json for its fields)' });
  } else if (route.body) {
    body = validate(route.body, 'body', rawBody, problems);
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ProblemError(400, 'validation', 'Invalid request', `${first.in} ${first.field}: ${first.detail}${more}`, { errors: problems });
  }
  return { params, query, body };
}
