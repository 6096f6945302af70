import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../functions/handlers/api/auth/Principal.ts';
import { allRoutes } from '../../../functions/handlers/api/routeTable.ts';
import { memoryApiHarness, type MemoryApiHarness, type Who } from '../../support/apiHarness.ts';
import { aCitizenCase } from '../../support/builders/citizenCase.ts';

const WHO: Record<(typeof ROLES)[number], Who> = { 'duty-officer': 'officer', manager: 'manager', admin: 'admin' };
const SAMPLE: Record<string, string> = { activationId: 'current', zoneId: 'jiefang', stream: 'current', taskCode: 'T01', kind: 'roads', crewId: 'C01', caseId: 'r01' };
const SAMPLE_ID: Record<string, string> = { zones: 'jiefang', roads: 'R001', crews: 'C01', vehicles: 'V01' };

/** A concrete URL for a route template, naming things that exist in the demo city. */
function urlOf(path: string): string {
  const kind = /^\/registry\/(\w+)\//.exec(path)?.[1];
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' ? SAMPLE_ID[kind!]! : SAMPLE[name]!));
}

const routes = allRoutes().filter((r) => r.access !== 'public');
const refusals = routes.flatMap((r) => [
  ...ROLES.filter((role) => !(r.access as readonly string[]).includes(role)).map((role) => ({ route: `${r.method} ${r.path}`, method: r.method, url: urlOf(r.path), who: WHO[role], status: 403 })),
  { route: `${r.method} ${r.path}`, method: r.method, url: urlOf(r.path), who: 'nobody' as Who, status: 403 },
  { route: `${r.method} ${r.path}`, method: r.method, url: urlOf(r.path), who: 'none' as Who, status: 401 },
]);
const reads = routes.filter((r) => r.method === 'GET').flatMap((r) => (r.access as readonly (typeof ROLES)[number][]).map((role) => ({ route: `GET ${r.path}`, url: urlOf(r.path), who: WHO[role] })));

describe('who may call what, across every route', () => {
  let h: MemoryApiHarness;
  beforeAll(async () => {
    h = await memoryApiHarness();
    await h.call('POST', '/activations', { body: { level: 'II', reason: 'CMA orange blizzard warning' } });
    // A citizen report for the routes that read one.
    await h.stores.cases.create(aCitizenCase({ id: 'r01' }));
  });

  it.each(refusals)('$route refuses $who with $status', async ({ method, url, who, status }) => {
    const res = await h.call(method, url, { as: who, body: {} });
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json');
  });

  it.each(reads)('$route answers $who', async ({ url, who }) => {
    expect((await h.call('GET', url, { as: who })).status).toBe(200);
  });

  it('left the open activation as it was after every refusal', async () => {
    expect((await h.deps.activations.getOpenActivation())?.status).toBe('open');
    expect((await h.deps.registry.listZones()).map((z) => z.id)).toContain('jiefang');
  });
});
