import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { allRoutes, openApiDocument } from '../../../functions/handlers/api/routeTable.ts';
import { activationRecordSchema } from '../../../functions/handlers/api/schemas/activation.ts';
import { OPENAPI_FILE, openApiText } from '../../../local/openapi/writeOpenApi.ts';

describe('the OpenAPI document', () => {
  it('is checked in as generated (run `npm run openapi` after changing a route or schema)', async () => {
    expect(await readFile(OPENAPI_FILE, 'utf8')).toBe(openApiText());
  });

  it('documents every route once, each with its own operationId', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { operationId: string }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(documented).toEqual(allRoutes().map((r) => `${r.method} ${r.path}`).sort());
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref to a component', () => {
    const doc = openApiDocument() as { components: { schemas: Record<string, unknown> } };
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.filter((r) => !(r in doc.components.schemas))).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });

  it('documents what an activation record carries besides its level: booking-run counts, refused crews, the last upgrade', () => {
    const doc = openApiDocument() as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(Object.keys(doc.components.schemas.ActivationRecord!.properties)).toEqual(expect.arrayContaining(['bookingRuns', 'dispatchedBookingRuns', 'refusedCrewIds', 'upgradedAt']));
  });

  it('keeps an activation\'s refused crews and booking-run counts when a response is checked against the schema', () => {
    const record = { id: 'act-1', level: 'II', zoneLevels: { z1: 'II' }, status: 'open', openedAt: '2026-12-14T00:00:00Z', openedBy: 'poller', reason: 'forecast', evidenceCount: 0, wave: 2, bookingRuns: 4, dispatchedBookingRuns: 2, refusedCrewIds: ['crew-7'], upgradedAt: '2026-12-14T01:00:00Z' };
    expect(activationRecordSchema.parse(record)).toMatchObject({ bookingRuns: 4, dispatchedBookingRuns: 2, refusedCrewIds: ['crew-7'], upgradedAt: '2026-12-14T01:00:00Z' });
  });

  it('leaves only itself open without a token', () => {
    expect(allRoutes().filter((r) => r.access === 'public').map((r) => r.path)).toEqual(['/openapi.json']);
  });

  it('documents 401 and 403 on every route that needs a token', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>> };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops)) {
        if (path === '/openapi.json') continue;
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
  });
});
