import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../functions/handlers/api/routeTable.ts';
import { startApiServer, type ApiServer } from '../../../local/api/startApiServer.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { snowops as snowopsProcess, snowopsInProcess as snowops } from '../../support/snowopsCli.ts';

describe('the API over real HTTP on localhost, and the CLI against it', () => {
  let h: MemoryApiHarness;
  let server: ApiServer;
  beforeAll(async () => {
    h = await memoryApiHarness();
    server = await startApiServer(h.api.handler, { port: 0 });
  });
  afterAll(async () => { await server.close(); });

  it('serves GET /openapi.json without a token: the generated document', async () => {
    const res = await fetch(`${server.url}/openapi.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(openApiDocument());
  });

  it('answers any other route without a token with 401 problem+json', async () => {
    const res = await fetch(`${server.url}/activations/current/tasks`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { title: string }).title).toBe('Unauthenticated');
  });

  it('answers with a token, as API Gateway would pass the request on', async () => {
    const res = await fetch(`${server.url}/status`, { headers: { Authorization: `Bearer ${h.tokens.manager}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { city: string }).city).toBe(h.city.plan.city);
  });

  it('lists the commands in `snowops --help`', async () => {
    const { code, stdout } = await snowopsProcess(['--help']);
    expect(code).toBe(0);
    const listed = [...stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual(expect.arrayContaining(['status', 'forecast', 'activations', 'preview', 'activate', 'upgrade', 'downgrade', 'stand-down', 'reassign', 'tasks', 'log', 'report', 'import']));
  });

  it('prints status as JSON for scripts with --json, and nothing else on stdout', async () => {
    const { code, stdout } = await snowops(['status', '--json', '--api', server.url, '--token', h.tokens.officer]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).zones).toHaveLength(h.city.zones.length);
  });

  it('reads the API and token from $SNOWOPS_API and $SNOWOPS_TOKEN and prints a table', async () => {
    const { code, stdout } = await snowops(['status'], { SNOWOPS_API: server.url, SNOWOPS_TOKEN: h.tokens.manager });
    expect(code).toBe(0);
    expect(stdout).toContain('No activation is open.');
    expect(stdout).toMatch(/│ jiefang\s+│/);
  });

  it('exits 4 with the API\'s words when the role is refused', async () => {
    const { code, stderr } = await snowops(['activate', 'II', '--reason', 'managers cannot', '--api', server.url, '--token', h.tokens.manager]);
    expect(code).toBe(4);
    expect(stderr).toContain('Forbidden');
  });

  it('exits 6 for an activation that does not exist and 3 when the API cannot be reached', async () => {
    expect((await snowopsProcess(['report', 'act-nope', '--api', server.url, '--token', h.tokens.manager])).code).toBe(6);
    const unreachable = await snowops(['status', '--api', 'http://127.0.0.1:9', '--token', 'x']);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain('cannot reach');
  });

  it('exits 1 naming the field for a bad level', async () => {
    const { code, stderr } = await snowops(['activate', 'V', '--reason', 'not a level', '--api', server.url, '--token', h.tokens.officer]);
    expect(code).toBe(1);
    expect(stderr).toContain('body level: level must be one of IV, III, II, I');
  });

  it('says on `snowops stand-down` how many crews already sent out were texted that their tasks are cancelled', async () => {
    const opened = await h.call('POST', '/activations', { body: { level: 'II', reason: 'CMA orange blizzard warning' } });
    const crews = (await h.call('GET', `/activations/${opened.json.activation.id}`)).json.progress.booked.crews as number;
    const { code, stdout } = await snowops(['stand-down', '--reason', 'snow over', '--api', server.url, '--token', h.tokens.officer]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${crews} crews already sent out were texted that their tasks are cancelled.`);
  });
});
