import { beforeAll, describe, expect, it, vi } from 'vitest';
import { activationAcceptedSchema } from '../../../functions/handlers/api/routes/activate.ts';
import { activationSchema } from '../../../functions/handlers/api/schemas/activation.ts';
import { startApiServer } from '../../../local/api/startApiServer.ts';
import { apiHarness, memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { snowopsInProcess as snowops } from '../../support/snowopsCli.ts';

const RAISE = { level: 'I', reason: 'CMA red blizzard warning, 16 mm in 6 h' };

/** Level IV in 解放区 only: the other zones' crews stay free for the new wave. */
async function openedInJiefang() {
  const h = await memoryApiHarness();
  const res = await h.call('POST', '/activations', { body: { level: 'IV', reason: 'CMA blue warning in 解放区', zoneLevels: { jiefang: 'IV' } } });
  return { ...h, activationId: res.json.activation.id as string, firstWave: (await h.deps.tasks.listTasks(res.json.activation.id)).length, smsBefore: h.deps.sms.sent.length };
}

describe('POST /activations/{id}/upgrade', () => {
  it('answers 202 with the upgraded activation, its wave 2 being planned', async () => {
    const h = await openedInJiefang();
    const res = await h.call('POST', `/activations/${h.activationId}/upgrade`, { body: RAISE });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/activations/${h.activationId}`);
    expect(activationAcceptedSchema.parse(res.json).activation).toMatchObject({ id: h.activationId, level: 'I', wave: 2, status: 'open', progress: { wave: 2, phase: 'planning' } });
  });

  it('books the roads now in scope as wave 2 and dispatches it, as the activation then shows', async () => {
    const h = await openedInJiefang();
    await h.call('POST', `/activations/${h.activationId}/upgrade`, { body: RAISE });
    const activation = activationSchema.parse((await h.call('GET', `/activations/${h.activationId}`)).json);
    expect(Object.values(activation.zoneLevels)).toEqual(['I', 'I', 'I', 'I']);
    const tasks = await h.deps.tasks.listTasks(h.activationId);
    const wave2 = tasks.filter((t) => t.wave === 2);
    expect(tasks).toHaveLength(h.firstWave + wave2.length);
    expect(activation.progress).toMatchObject({ wave: 2, phase: 'active', booked: { tasks: wave2.length, crews: new Set(wave2.map((t) => t.crewId)).size } });
    expect(wave2.some((t) => t.tier === 3)).toBe(true);
    expect(wave2.every((t) => t.state === 'dispatched')).toBe(true);
    expect(activation.progress?.dispatch).toMatchObject({ mode: 'sent', sent: activation.progress?.booked?.crews });
    expect(h.deps.sms.sent.length - h.smsBefore).toBe(activation.progress?.booked?.crews);
  });

  it('answers 409 while the activation\'s last wave is still being planned', async () => {
    // On DynamoDB Local: the planning's storage round trips leave the second request room to arrive mid-wave.
    const h = await apiHarness();
    const opened = await h.call('POST', '/activations', { body: { level: 'IV', reason: 'CMA blue warning' }, settle: false });
    const res = await h.call('POST', `/activations/${opened.json.activation.id}/upgrade`, { body: RAISE, settle: false });
    await h.settled();
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('still planning wave 1');
    expect(await h.deps.activations.getActivation(opened.json.activation.id)).toMatchObject({ level: 'IV', wave: 1, plannedWave: 1 });
  });

  it('logs the upgrade with the officer, the reason and the forecast evidence of the moment', async () => {
    const h = await openedInJiefang();
    const evidence = { rule: 'blizzard-6h', level: 'I' as const, provider: 'open-meteo', value: 16.2, threshold: 15, unit: 'mm snow water', windowHours: 6, from: '2026-12-14T00:00:00.000Z', to: '2026-12-14T06:00:00.000Z', gapHours: 0 };
    await h.deps.zoneStates.putZoneState({ zoneId: 'macun', level: 'I', evidence: [evidence], provider: 'open-meteo', lastSuccessAt: '2026-12-13T23:45:00.000Z', lastPollAt: '2026-12-13T23:45:00.000Z', lastError: null });
    await h.call('POST', `/activations/current/upgrade`, { body: RAISE });
    const entry = (await h.deps.log.list(h.activationId)).find((e) => e.action === 'activation.upgraded');
    expect(entry).toMatchObject({ actor: 'officer-demo', reason: RAISE.reason, details: expect.objectContaining({ from: 'IV', to: 'I', wave: 2 }) });
    expect(entry!.details.evidence).toEqual([{ ...evidence, rule: 'macun:blizzard-6h' }]);
  });

  it('upgrades only the zones named, and never downgrades a zone', async () => {
    const h = await openedInJiefang();
    const res = await h.call('POST', `/activations/${h.activationId}/upgrade`, { body: { ...RAISE, level: 'II', zoneLevels: { shanyang: 'II' } } });
    expect(res.status).toBe(202);
    expect(res.json.activation.zoneLevels).toEqual({ jiefang: 'IV', shanyang: 'II', zhongzhan: 'none', macun: 'none' });
    const shanyangRoads = new Set(h.city.roads.filter((r) => r.zoneId === 'shanyang').map((r) => r.id));
    const wave2 = (await h.deps.tasks.listTasks(h.activationId)).filter((t) => t.wave === 2);
    expect(wave2.length).toBeGreaterThan(0);
    expect(wave2.filter((t) => !shanyangRoads.has(t.roadId))).toEqual([]);
  });

  it.each([['the same level', 'III'], ['a lower level', 'IV']])('answers 422 for %s, changing nothing', async (_n, level) => {
    const h = await memoryApiHarness();
    const opened = await h.call('POST', '/activations', { body: { level: 'III', reason: 'CMA yellow warning' } });
    const res = await h.call('POST', `/activations/${opened.json.activation.id}/upgrade`, { body: { level, reason: 'not higher' } });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].field).toBe('level');
    expect((await h.deps.activations.getActivation(opened.json.activation.id))).toMatchObject({ level: 'III', wave: 1 });
  });

  it('answers 422 for a zone the registry does not have', async () => {
    const h = await openedInJiefang();
    const res = await h.call('POST', `/activations/${h.activationId}/upgrade`, { body: { ...RAISE, zoneLevels: { atlantis: 'I' } } });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].field).toBe('zoneLevels.atlantis');
  });

  it('answers 409 for a stood-down activation', async () => {
    const h = await openedInJiefang();
    await h.call('POST', `/activations/${h.activationId}/stand-down`, { body: { reason: 'storm over' } });
    const res = await h.call('POST', `/activations/${h.activationId}/upgrade`, { body: RAISE });
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('stood-down');
  });

  it('answers 409 when another upgrade lands between reading the activation and upgrading it, booking nothing', async () => {
    const h = await openedInJiefang();
    const read = h.deps.activations.getActivation.bind(h.deps.activations);
    // The poller upgrades to II while this officer's request is in flight: the officer's wave-1 read is stale.
    vi.spyOn(h.deps.activations, 'getActivation').mockImplementationOnce(async (id) => {
      const seen = await read(id);
      await h.deps.activations.upgradeActivation(id, { level: 'II', zoneLevels: { ...seen!.zoneLevels, macun: 'II' }, wave: 2, upgradedAt: '2026-12-14T00:01:00.000Z' }, 1);
      return seen;
    });
    const res = await h.call('POST', `/activations/${h.activationId}/upgrade`, { body: RAISE });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ activationId: h.activationId, level: 'II', wave: 2 });
    expect((await h.deps.tasks.listTasks(h.activationId))).toHaveLength(h.firstWave);
    expect(h.deps.sms.sent).toHaveLength(h.smsBefore);
  });

  it('upgrades once for a double click with the same Idempotency-Key', async () => {
    const h = await openedInJiefang();
    const headers = { 'Idempotency-Key': 'upgrade-1' };
    const first = await h.call('POST', `/activations/${h.activationId}/upgrade`, { body: RAISE, headers });
    const second = await h.call('POST', `/activations/${h.activationId}/upgrade`, { body: RAISE, headers });
    expect(second.status).toBe(202);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json.activation).toMatchObject({ id: first.json.activation.id, wave: 2 });
    expect((await h.deps.activations.getActivation(h.activationId))?.wave).toBe(2);
    expect(h.deps.sms.sent.length - h.smsBefore).toBe((await h.deps.activations.getActivation(h.activationId))?.progress?.booked?.crews);
  });

  describe('roles, on one activation', () => {
    let h: Awaited<ReturnType<typeof openedInJiefang>>;
    beforeAll(async () => { h = await openedInJiefang(); });

    it.each([['manager', 403], ['admin', 403], ['nobody', 403], ['none', 401]] as const)('refuses %s with %i and keeps the level', async (as, status) => {
      const res = await h.call('POST', `/activations/${h.activationId}/upgrade`, { as, body: RAISE });
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(await h.deps.activations.getActivation(h.activationId)).toMatchObject({ level: 'IV', wave: 1 });
    });
  });

  describe('on a city with nothing open', () => {
    let h: MemoryApiHarness;
    beforeAll(async () => { h = await memoryApiHarness(); });

    it.each([
      ['an unknown level', { level: 'V', reason: RAISE.reason }, 'level'],
      ['a missing level', { reason: RAISE.reason }, 'level'],
      ['a missing reason', { level: 'I' }, 'reason'],
      ['an empty reason', { level: 'I', reason: '  ' }, 'reason'],
      ['an oversize reason', { level: 'I', reason: 'x'.repeat(501) }, 'reason'],
      ['an unknown field', { ...RAISE, force: true }, 'force'],
    ])('answers 400 for %s', async (_n, body, field) => {
      const res = await h.call('POST', '/activations/act-any/upgrade', { body });
      expect(res.status).toBe(400);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 404 for an activation that does not exist, and for "current" when none is open', async () => {
      expect((await h.call('POST', '/activations/act-nope/upgrade', { body: RAISE })).status).toBe(404);
      expect((await h.call('POST', '/activations/current/upgrade', { body: RAISE })).status).toBe(404);
    });
  });

  it('says what `snowops upgrade I --reason …` booked and sent, once the wave is active', async () => {
    const h = await openedInJiefang();
    const server = await startApiServer(h.api.handler, { port: 0 });
    try {
      const { code, stdout } = await snowops(['upgrade', 'I', '--reason', RAISE.reason, '--api', server.url, '--token', h.tokens.officer]);
      expect(code).toBe(0);
      const wave2 = (await h.deps.tasks.listTasks(h.activationId)).filter((t) => t.wave === 2);
      expect(stdout).toContain(`${h.activationId} is now at level I (wave 2): ${wave2.length} new tasks`);
      expect(stdout).toMatch(/SMS: \d+ sent, 0 failed/);
      expect(stdout).toContain('wave 2: planning');
    } finally {
      await server.close();
    }
  });
});
