import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../../local/api/startApiServer.ts';
import { apiHarness, memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { snowopsInProcess as snowops } from '../../support/snowopsCli.ts';

const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/registry/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
const CSV = { 'Content-Type': 'text/csv; charset=utf-8' };

describe('POST /registry/import/{kind}', () => {
  it('imports a good file for an administrator: 200 with the counts, records written, the import logged', async () => {
    const h = await memoryApiHarness();
    const roadsBefore = (await h.deps.registry.listRoads()).length;
    const res = await h.call('POST', '/registry/import/roads', { as: 'admin', rawBody: fixture('roads.good.csv'), headers: CSV });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ kind: 'roads', rows: 3, created: 3, replaced: 0, unchanged: 0, dryRun: false, ids: { created: ['R101', 'R102', 'R103'], replaced: [] } });
    const roads = await h.deps.registry.listRoads();
    expect(roads).toHaveLength(roadsBefore + 3);
    expect(roads.find((r) => r.id === 'R102')!.name).toBe('建设路, 北段');
    const entry = (await h.deps.log.list('registry')).find((e) => e.action === 'registry.imported');
    expect(entry).toMatchObject({ actor: 'admin-demo', subject: 'import:roads', details: expect.objectContaining({ created: ['R101', 'R102', 'R103'] }) });
  });

  it('changes nothing on a second import of the same file, and counts a changed row as replaced', async () => {
    const h = await memoryApiHarness();
    await h.call('POST', '/registry/import/crews', { as: 'admin', rawBody: fixture('crews.good.csv'), headers: CSV });
    const again = await h.call('POST', '/registry/import/crews', { as: 'admin', rawBody: fixture('crews.good.csv'), headers: CSV });
    expect(again.json).toMatchObject({ created: 0, replaced: 0, unchanged: 2 });
    const edited = await h.call('POST', '/registry/import/crews', { as: 'admin', rawBody: fixture('crews.good.csv').replace('解放区环卫四班', '解放区环卫四班(新)'), headers: CSV });
    expect(edited.json).toMatchObject({ created: 0, replaced: 1, unchanged: 1, ids: { replaced: ['C101'] } });
  });

  it('checks and counts on a dry run, writing nothing and logging nothing', async () => {
    const h = await memoryApiHarness();
    const before = await h.deps.registry.listVehicles();
    const res = await h.call('POST', '/registry/import/vehicles?dryRun=true', { as: 'admin', rawBody: fixture('vehicles.good.csv'), headers: CSV });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ kind: 'vehicles', created: 2, replaced: 0, dryRun: true });
    expect(await h.deps.registry.listVehicles()).toEqual(before);
    expect(await h.deps.log.list('registry')).toEqual([]);
  });

  describe('refusals, on one demo city', () => {
    let h: MemoryApiHarness;
    let server: ApiServer;
    let roadsBefore: unknown;
    beforeAll(async () => {
      h = await memoryApiHarness();
      server = await startApiServer(h.api.handler, { port: 0 });
      roadsBefore = await h.deps.registry.listRoads();
    });
    afterAll(async () => { await server.close(); });

    it('answers 422 listing every bad cell with its line, column and reason, and writes nothing', async () => {
      const res = await h.call('POST', '/registry/import/roads', { as: 'admin', rawBody: fixture('roads.bad.csv'), headers: CSV });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json.type).toBe('urn:snowops:problem:invalid-csv');
      expect(res.json.detail).toContain('nothing was imported: 4 bad rows');
      expect(res.json.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([[3, 'tier'], [3, 'lane_km'], [4, 'zone'], [5, 'passes'], [5, 'agent_allowed'], [6, 'id']]);
      expect(res.json.errors.at(-1)).toEqual({ in: 'body', field: 'line 6, id', line: 6, column: 'id', detail: '"R201" is already on line 2' });
      expect(await h.deps.registry.listRoads()).toEqual(roadsBefore);
    });

    it('answers 422 for a file that is not CSV at all (an unclosed quote), naming the line and column', async () => {
      const res = await h.call('POST', '/registry/import/roads', { as: 'admin', rawBody: 'id,name\nR1,"open quote\n', headers: CSV });
      expect(res.status).toBe(422);
      expect(res.json.errors[0]).toMatchObject({ line: 2, column: 'name', detail: 'a quoted field is never closed (character 4)' });
    });

    it('answers 415 for a JSON body', async () => {
      const res = await h.call('POST', '/registry/import/roads', { as: 'admin', body: { id: 'R1' } });
      expect(res.status).toBe(415);
      expect(res.json.detail).toContain('Content-Type: text/csv');
    });

    it('answers 400 for an empty body', async () => {
      const res = await h.call('POST', '/registry/import/roads', { as: 'admin', rawBody: '  \n', headers: CSV });
      expect(res.status).toBe(400);
      expect(res.json.detail).toContain('CSV body is required');
    });

    it('answers 413 for a file over 1 MiB', async () => {
      const big = `${fixture('roads.good.csv')}${'x'.repeat(1024 * 1024)}`;
      const res = await h.call('POST', '/registry/import/roads', { as: 'admin', rawBody: big, headers: CSV });
      expect(res.status).toBe(413);
    });

    it.each([
      ['a kind that cannot be imported', '/registry/import/zones', 'kind'],
      ['a dryRun that is not true or false', '/registry/import/roads?dryRun=yes', 'dryRun'],
      ['an unknown query parameter', '/registry/import/roads?dry_run=true', 'dry_run'],
    ])('answers 400 for %s', async (_n, url, field) => {
      const res = await h.call('POST', url, { as: 'admin', rawBody: fixture('roads.good.csv'), headers: CSV });
      expect(res.status).toBe(400);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it.each([['officer', 403], ['manager', 403], ['nobody', 403], ['none', 401]] as const)('refuses %s with %i', async (as, status) => {
      const res = await h.call('POST', '/registry/import/roads', { as, rawBody: fixture('roads.good.csv'), headers: CSV });
      expect(res.status).toBe(status);
      expect(await h.deps.registry.listRoads()).toEqual(roadsBefore);
    });

    it('lets `snowops import --api --dry-run` check a file through the API', async () => {
      const { code, stdout } = await snowops(['import', 'roads', fixturePath('roads.good.csv'), '--dry-run', '--api', server.url, '--token', h.tokens.admin]);
      expect(code).toBe(0);
      expect(stdout).toBe('roads.good.csv: 3 roads valid; would import 3 new, 0 changed, 0 unchanged (dry run: nothing written)\n');
      expect(await h.deps.registry.listRoads()).toEqual(roadsBefore);
    });

    it('prints each bad cell from the API and exits 1 when `snowops import --api` is refused', async () => {
      const { code, stderr } = await snowops(['import', 'roads', fixturePath('roads.bad.csv'), '--api', server.url, '--token', h.tokens.admin]);
      expect(code).toBe(1);
      expect(stderr).toContain('The file has errors: nothing was imported: 4 bad rows');
      expect(stderr).toContain('body line 4, zone: unknown zone "nowhere"');
    });

    it('exits 4 when `snowops import --api` is not an administrator\'s', async () => {
      const { code } = await snowops(['import', 'roads', fixturePath('roads.good.csv'), '--api', server.url, '--token', h.tokens.officer]);
      expect(code).toBe(4);
    });
  });

  it('imports through the API with `snowops import --api`', async () => {
    const h = await memoryApiHarness();
    const server = await startApiServer(h.api.handler, { port: 0 });
    try {
      const { code, stdout } = await snowops(['import', 'vehicles', fixturePath('vehicles.good.csv'), '--json', '--api', server.url], { SNOWOPS_TOKEN: h.tokens.admin });
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ kind: 'vehicles', created: 2, dryRun: false });
      expect((await h.deps.registry.listVehicles()).map((v) => v.id)).toEqual(expect.arrayContaining(['V101', 'V102']));
    } finally {
      await server.close();
    }
  });

  it('checks a file without writing with `snowops import --dry-run` straight against DynamoDB', async () => {
    const h = await apiHarness();
    const before = await h.deps.registry.listRoads();
    const { code, stdout } = await snowops(['import', 'roads', fixturePath('roads.good.csv'), '--dry-run', '--endpoint', inject('dynamoEndpoint'), '--table', h.tables.names.REGISTRY_TABLE]);
    expect(code).toBe(0);
    expect(stdout).toBe('roads.good.csv: 3 roads valid; would import 3 new, 0 changed, 0 unchanged (dry run: nothing written)\n');
    expect(await h.deps.registry.listRoads()).toEqual(before);
  });
});
