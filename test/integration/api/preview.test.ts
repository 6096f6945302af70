import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewResultSchema } from '../../../functions/handlers/api/routes/preview.ts';
import { startApiServer, type ApiServer } from '../../../local/api/startApiServer.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { snowopsInProcess as snowops } from '../../support/snowopsCli.ts';
import { smsSegments } from '../../../functions/core/messages/smsSegments.ts';

const passesOf = (body: { teams: { tasks: { roadId: string; pass: string }[] }[] }) => body.teams.flatMap((t) => t.tasks.map((x) => `${x.roadId}#${x.pass}`)).sort();

describe('POST /activations/preview', () => {
  describe('on a city with nothing open', () => {
    let h: MemoryApiHarness;
    let server: ApiServer;
    beforeAll(async () => {
      h = await memoryApiHarness();
      server = await startApiServer(h.api.handler, { port: 0 });
    });
    afterAll(async () => { await server.close(); });

    it('shows a duty officer the teams, times and shortfalls of an activation at the level, grouped by team', async () => {
      const res = await h.call('POST', '/activations/preview', { body: { level: 'II' } });
      expect(res.status).toBe(200);
      const body = previewResultSchema.parse(res.json);
      expect(body.level).toBe('II');
      expect(Object.values(body.zoneLevels)).toEqual(h.city.zones.map(() => 'II'));
      expect(body.timeZone).toBe(h.city.plan.timeZone);
      const tasks = body.teams.flatMap((t) => t.tasks);
      expect(body.summary.tasks).toBe(tasks.length);
      expect(body.summary.teams).toBe(body.teams.length);
      expect(new Set(body.teams.map((t) => t.crewId)).size).toBe(body.teams.length);
      expect(tasks.every((t) => t.tier <= 2)).toBe(true);
      expect(body.summary.laneKmByTier[1]).toBeCloseTo(tasks.filter((t) => t.tier === 1).reduce((s, t) => s + t.laneKm, 0), 2);
      expect(body.summary.passableByTier[3]).toBeNull();
      for (const team of body.teams) expect(team.tasks.map((t) => t.sequence)).toEqual([...team.tasks.map((t) => t.sequence)].sort((a, b) => a - b));
    });

    it('writes nothing: no activation, no booking, no log entry, no SMS', async () => {
      await h.call('POST', '/activations/preview', { body: { level: 'I' } });
      expect(await h.deps.activations.listActivations(10)).toEqual([]);
      const busy = await h.deps.bookings.listBusy();
      expect([busy.crewIds.size, busy.vehicleIds.size]).toEqual([0, 0]);
      expect(await h.deps.log.list('system')).toEqual([]);
      expect(h.deps.sms.sent).toEqual([]);
    });

    it('lets a manager preview too', async () => {
      const res = await h.call('POST', '/activations/preview', { as: 'manager', body: { level: 'IV' } });
      expect(res.status).toBe(200);
      const tiers = new Set(res.json.teams.flatMap((t: { tasks: { tier: number }[] }) => t.tasks.map((x) => x.tier)));
      expect([...tiers]).toEqual([1]);
    });

    it.each([['admin', 403], ['nobody', 403], ['none', 401]] as const)('refuses %s with %i', async (as, status) => {
      const res = await h.call('POST', '/activations/preview', { as, body: { level: 'II' } });
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('application/problem+json');
    });

    it('plans only the roads of the zones named, the others at none', async () => {
      const res = await h.call('POST', '/activations/preview', { body: { level: 'II', zoneLevels: { jiefang: 'II' } } });
      expect(res.status).toBe(200);
      expect(res.json.zoneLevels).toEqual({ jiefang: 'II', shanyang: 'none', zhongzhan: 'none', macun: 'none' });
      const jiefang = new Set(h.city.roads.filter((r) => r.zoneId === 'jiefang').map((r) => r.id));
      const roads = res.json.teams.flatMap((t: { tasks: { roadId: string }[] }) => t.tasks.map((x) => x.roadId));
      expect(roads.length).toBeGreaterThan(0);
      expect(roads.filter((id: string) => !jiefang.has(id))).toEqual([]);
    });

    it.each([
      ['a missing level', {}, 'level'],
      ['an unknown level', { level: 'V' }, 'level'],
      ['a level of the wrong type', { level: 2 }, 'level'],
      ['an unknown field', { level: 'II', reason: 'a preview takes no reason' }, 'reason'],
      ['a zone level that is not a level', { level: 'II', zoneLevels: { jiefang: 'red' } }, 'zoneLevels.jiefang'],
    ])('answers 400 naming the field for %s', async (_n, body, field) => {
      const res = await h.call('POST', '/activations/preview', { body });
      expect(res.status).toBe(400);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 422 for a zone that is not in the registry', async () => {
      const res = await h.call('POST', '/activations/preview', { body: { level: 'II', zoneLevels: { atlantis: 'II' } } });
      expect(res.status).toBe(422);
      expect(res.json.errors[0].field).toBe('zoneLevels.atlantis');
    });

    it('prints `snowops preview II` as a table of road, tier, team, vehicle, start by and passable time, in local time', async () => {
      const { code, stdout } = await snowops(['preview', 'II', '--api', server.url, '--token', h.tokens.manager]);
      expect(code).toBe(0);
      const lines = stdout.split('\n');
      const header = lines.findIndex((l) => /^road\s+tier\s+pass\s+team\s+vehicle\s+start by\s+passable\s+target$/.test(l));
      expect(header).toBeGreaterThan(0);
      expect(lines[0]).toMatch(/^Preview at level II: \d+ road passes for \d+ teams/);
      // The demo clock is 00:00 UTC: 08:xx in Shanghai.
      expect(lines[header + 2]).toMatch(/\b0[89]:\d\d\b/);
    });

    it('prints the API answer with `snowops preview --json`, zone levels from --zone', async () => {
      const { code, stdout } = await snowops(['preview', 'III', '--zone', 'macun=III', '--json', '--api', server.url, '--token', h.tokens.officer]);
      expect(code).toBe(0);
      const body = previewResultSchema.parse(JSON.parse(stdout));
      expect(body.zoneLevels.macun).toBe('III');
      expect(body.zoneLevels.jiefang).toBe('none');
    });
  });

  it('previews exactly the road passes an activation then books, and the same shortfalls', async () => {
    const h = await memoryApiHarness();
    const preview = await h.call('POST', '/activations/preview', { body: { level: 'II' } });
    const activated = await h.call('POST', '/activations', { body: { level: 'II', reason: 'CMA orange blizzard warning' } });
    const tasks = await h.deps.tasks.listTasks(activated.json.activation.id);
    expect(tasks.map((t) => `${t.roadId}#${t.pass}`).sort()).toEqual(passesOf(preview.json));
    const shortInLog = (await h.deps.log.list(activated.json.activation.id)).filter((e) => e.action === 'road.shortfall').map((e) => e.subject!.replace('road:', ''));
    expect(shortInLog.sort()).toEqual(preview.json.shortfalls.map((s: { roadId: string }) => s.roadId).sort());
  });

  it('says how many tasking SMS the plan makes and how long they take at the stage\'s pace, as the activation then sends them (issue 16 item 6)', async () => {
    const h = await memoryApiHarness({ smsPace: { partsPerSecond: 2, origination: 'toll-free' } });
    const preview = previewResultSchema.parse((await h.call('POST', '/activations/preview', { body: { level: 'II' } })).json);
    await h.call('POST', '/activations', { body: { level: 'II', reason: 'CMA orange blizzard warning' } });
    const partsSent = h.deps.sms.sent.reduce((n, sms) => n + smsSegments(sms.body).segments, 0);
    expect(preview.summary.waveSms).toEqual({ messages: h.deps.sms.sent.length, parts: partsSent, partsPerSecond: 2, origination: 'toll-free', seconds: Math.ceil(partsSent / 2) });
  });

  it('leaves the SMS time out where the API is given no pace', async () => {
    const h = await memoryApiHarness();
    const preview = previewResultSchema.parse((await h.call('POST', '/activations/preview', { body: { level: 'II' } })).json);
    expect(preview.summary.waveSms).toBeUndefined();
  });

  it('works around the bookings of an open activation and names it', async () => {
    const h = await memoryApiHarness();
    const activated = await h.call('POST', '/activations', { body: { level: 'III', reason: 'CMA yellow blizzard warning' } });
    const res = await h.call('POST', '/activations/preview', { body: { level: 'I' } });
    expect(res.status).toBe(200);
    expect(res.json.summary.openActivationId).toBe(activated.json.activation.id);
    const busy = await h.deps.bookings.listBusy();
    expect(res.json.teams.filter((t: { crewId: string }) => busy.crewIds.has(t.crewId))).toEqual([]);
  });
});
