// Issue 14, build item 7: generated bodies, headers and CSV files sent to every route of the OpenAPI
// document through the local API handler (API Gateway v2 events, DynamoDB Local). No answer may be a 5xx
// or carry a stack trace, and a refused request (or a dry run) must leave the registry exactly as it was.
// Seeded and bounded: a fixed number of requests, cut short by a time limit on a loaded machine.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../functions/core/registry/csv/readRows.ts';
import { apiHarness, type Answer, type ApiHarness, type Who } from '../../support/apiHarness.ts';

const SEED = 1414;
/** Per operation of the OpenAPI document (48 today): every route is hit, in a bounded number of requests. */
const RUNS_PER_OPERATION = 5;
const TIME_LIMIT_MS = 18_000;

interface Operation { method: string; path: string; operationId: string; hasBody: boolean; bodyType: string }

const HOSTILE = [
  '', ' ', '\u0000', 'a\u0007b', '\u202Eevil', '\u200F', '\uFEFFid', '../../etc/passwd', '%00', '%', '<script>alert(1)</script>', '=cmd|"/c calc"!A1',
  '1e308', '1e-300', '-1', '9e15', 'NaN', 'Infinity', '0x10', '9'.repeat(400), '长'.repeat(3000), 'null', '{}', '[]', '"', ',', '\r\n', '\t', '+86 138 0013 8000',
  '１２３', 'e\u0301', '\uD800', 'DROP TABLE', '${jndi:ldap://x}', '__proto__', 'constructor',
];
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 2000 }) },
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.array(hostileText, { maxLength: 4 }), fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
);

/** An object like `example` with some fields replaced, removed or added with hostile values. */
function mutated(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  const edit = fc.tuple(fc.oneof(fc.constantFrom(...(keys.length ? keys : ['x'])), hostileText), hostileValue);
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy: Record<string, unknown> = structuredClone(example);
    for (const [k, v] of edits) copy[k] = v;
    return copy;
  });
}

/** A CSV file of the kind's columns (some missing, some unknown), rows of good-looking and hostile cells. */
function csvFile(kind: keyof typeof COLUMNS, good: string[]): fc.Arbitrary<string> {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const header = fc.subarray(COLUMNS[kind].map((c) => c.name), { minLength: 1 }).chain((cols) => fc.oneof(fc.constant(cols), hostileText.map((x) => [...cols, x])));
  return header.chain((cols) => fc.array(fc.array(fc.oneof(fc.constantFrom(...good), hostileText), { minLength: cols.length, maxLength: cols.length + 1 }), { maxLength: 6 })
    .map((rows) => [cols, ...rows].map((r) => r.map(quote).join(',')).join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0])));
}

async function registryItems(h: ApiHarness): Promise<string> {
  const out = await h.tables.db.send(new ScanCommand({ TableName: h.tables.names.REGISTRY_TABLE, ConsistentRead: true }));
  return JSON.stringify((out.Items ?? []).map((i) => JSON.stringify(i)).sort());
}

/** Path parameters percent-encoded; a lone surrogate goes as the invalid UTF-8 bytes a client could still send. */
function encoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}
const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, () => encoded(value));

describe('the API under generated hostile requests (fast-check, seeded)', () => {
  it(`answers every route with no 5xx and no stack trace, and a refused request changes nothing in the registry (${RUNS_PER_OPERATION} requests per route at most)`, async () => {
    const h = await apiHarness();
    const doc = (await h.call('GET', '/openapi.json', { as: 'admin' })).json as { paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> } }>> };
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops)
      .filter(([m]) => ['get', 'post', 'put', 'delete'].includes(m))
      .map(([m, o]) => ({ method: m.toUpperCase(), path, operationId: o.operationId, hasBody: o.requestBody !== undefined, bodyType: Object.keys(o.requestBody?.content ?? {})[0] ?? 'application/json' })));
    const [road, crew, vehicle, zone] = [(await h.deps.registry.listRoads())[0]!, (await h.deps.registry.listCrews())[0]!, (await h.deps.registry.listVehicles())[0]!, (await h.deps.registry.listZones())[0]!];
    const plan = await h.deps.registry.getPlan();
    const examples: Record<string, Record<string, unknown>> = {
      putRoad: road as never, putCrew: crew as never, putVehicle: vehicle as never, putZone: zone as never, putPlan: plan as never,
      activate: { level: 'IV', reason: 'fuzz' }, previewActivation: { level: 'II' }, upgrade: { level: 'I', reason: 'fuzz' }, downgrade: { level: 'IV', reason: 'fuzz' },
      standDown: { reason: 'fuzz' }, reassignTask: { crewId: crew.id, vehicleId: vehicle.id }, sendCrewMessage: { text: 'fuzz' },
    };
    const goodCells = [road.id, zone.id, crew.id, '1', '2', '1.5', 'yes', 'no', 'plough', '35.22', '113.22', crew.leader.phone, 'zh-CN', 'ready', '07:00', plan.dutyOfficerPhone];
    const ids = [road.id, crew.id, vehicle.id, zone.id, 'registry', 'current', 'roads', 'crews', 'A01'];

    const requestFor = (op: Operation) => fc.record({
      op: fc.constant(op),
      who: fc.constantFrom<Who>('admin', 'admin', 'admin', 'officer', 'manager', 'none'),
      query: fc.option(fc.dictionary(fc.constantFrom('dryRun', 'limit', 'cursor', 'from', 'to', 'level', 'format', 'x'), hostileText, { maxKeys: 2 })),
      contentType: fc.option(fc.constantFrom('application/json', 'text/csv', 'text/csv; charset=iso-8859-1', 'application/json; charset=utf-16', 'text/plain', 'multipart/form-data', ''), { freq: 1 }),
      idempotencyKey: fc.option(fc.oneof(fc.uuid(), hostileText)),
      csvKind: fc.constantFrom('roads' as const, 'crews' as const, 'vehicles' as const),
      seed: fc.integer(),
    }).chain((r) => {
      const example = examples[r.op.operationId] ?? {};
      const body = r.op.bodyType === 'text/csv'
        ? csvFile(r.csvKind, goodCells)
        : fc.oneof({ weight: 4, arbitrary: mutated(example) }, { weight: 1, arbitrary: fc.constant(example) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: hostileText });
      const own = typeof example.id === 'string' ? [example.id] : ids;
      const param = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.constantFrom(...ids) }, { weight: 2, arbitrary: hostileText });
      return fc.tuple(fc.constant(r), r.op.hasBody || r.op.method !== 'GET' ? fc.option(body, { freq: 8 }) : fc.constant(null), param);
    });

    const started = Date.now();
    const tally = { requests: 0, refused: 0, accepted: 0, byStatus: {} as Record<number, number> };
    let before = await registryItems(h);
    const property = (op: Operation) => fc.asyncProperty(requestFor(op), async ([r, body, param]) => {
      const kind = r.op.path.includes('/import/') ? r.csvKind : undefined;
      const path = kind ? r.op.path.replace('{kind}', kind) : fill(r.op.path, param);
      const query = r.query ? `?${new URLSearchParams(r.query as Record<string, string>).toString()}` : '';
      const headers: Record<string, string> = {};
      if (r.contentType !== null) headers['Content-Type'] = r.contentType;
      else if (body !== null) headers['Content-Type'] = r.op.bodyType;
      if (r.idempotencyKey !== null) headers['Idempotency-Key'] = r.idempotencyKey;
      const rawBody = body === null ? undefined : typeof body === 'string' ? body : JSON.stringify(body) ?? 'undefined';
      const answer: Answer = await h.call(r.op.method, `${path}${query}`, { as: r.who, headers, ...(rawBody !== undefined ? { rawBody } : {}) });
      tally.requests++;
      tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
      const what = `${r.op.method} ${path}${query} as ${r.who} → ${answer.status}: ${answer.text.slice(0, 300)}`;
      expect(answer.status, what).toBeLessThan(500);
      expect(answer.text, what).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)|node_modules|\.ts:\d+/);
      // A GET writes nothing to the registry by construction (no route's read path has a write port): not scanned, for time.
      if (r.op.method === 'GET') return;
      const after = await registryItems(h);
      const dryRun = r.query !== null && (r.query as Record<string, string>).dryRun === 'true';
      if (answer.status >= 400 || dryRun) {
        tally.refused += answer.status >= 400 ? 1 : 0;
        expect(after === before, `registry changed by ${what}`).toBe(true);
      } else {
        tally.accepted++;
        before = after;
      }
    });
    const covered = new Set<string>();
    for (const [i, op] of operations.entries()) {
      // Bounded in time on a loaded machine: as many runs as the time left allows at the pace so far, one at least.
      const elapsed = Date.now() - started;
      const perRequest = tally.requests > 0 ? elapsed / tally.requests : 100;
      const runs = Math.max(1, Math.min(RUNS_PER_OPERATION, Math.floor((TIME_LIMIT_MS - elapsed) / (operations.length - i) / perRequest)));
      await fc.assert(property(op), { seed: SEED + i, numRuns: runs, endOnFailure: true });
      covered.add(op.operationId);
    }
    console.info(`fuzz: ${tally.requests} requests in ${Date.now() - started} ms over ${covered.size} of ${operations.length} operations; ${tally.accepted} accepted writes, ${tally.refused} refused; statuses ${JSON.stringify(tally.byStatus)}`);
    expect(tally.requests).toBeGreaterThanOrEqual(operations.length);
    expect(h.errors, 'errors the API logged as unexpected').toEqual([]);
  }, 120_000);
});
