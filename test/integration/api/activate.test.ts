import { beforeAll, describe, expect, it, vi } from 'vitest';
import { activationAcceptedSchema } from '../../../functions/handlers/api/routes/activate.ts';
import { activationSchema } from '../../../functions/handlers/api/schemas/activation.ts';
import { problemSchema } from '../../../functions/handlers/api/schemas/problem.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { smsSegments } from '../../../functions/core/messages/smsSegments.ts';

const VALID = { level: 'II', reason: 'CMA orange blizzard warning, 12 mm in 6 h' };

describe('POST /activations', () => {
  describe('on a city with nothing open', () => {
    let h: MemoryApiHarness;
    beforeAll(async () => { h = await memoryApiHarness(); });

    it.each([
      ['manager', 403], ['admin', 403], ['nobody', 403], ['none', 401],
    ] as const)('refuses %s with %i and opens nothing', async (as, status) => {
      const res = await h.call('POST', '/activations', { as, body: VALID });
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(problemSchema.parse(res.json).status).toBe(status);
      expect(await h.deps.activations.getOpenActivation()).toBeUndefined();
    });

    it.each([
      ['a missing level', { reason: VALID.reason }, 'level'],
      ['a missing reason', { level: 'II' }, 'reason'],
      ['a level of the wrong type', { level: 2, reason: VALID.reason }, 'level'],
      ['an unknown level', { level: 'V', reason: VALID.reason }, 'level'],
      ['an empty reason', { level: 'II', reason: '   ' }, 'reason'],
      ['an oversize reason', { level: 'II', reason: 'x'.repeat(501) }, 'reason'],
      ['an unknown field', { ...VALID, levle: 'I' }, 'levle'],
      ['a zone level that is not a level', { ...VALID, zoneLevels: { jiefang: 'orange' } }, 'zoneLevels.jiefang'],
    ])('answers 400 naming the field for %s', async (_name, body, field) => {
      const res = await h.call('POST', '/activations', { body });
      expect(res.status).toBe(400);
      expect(res.json.type).toBe('urn:snowops:problem:validation');
      expect(res.json.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(res.json.detail).toContain(field);
    });

    it('answers 400 with every bad field at once', async () => {
      const res = await h.call('POST', '/activations', { body: { level: 'V', reason: '' } });
      expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['level', 'reason']);
    });

    it('answers 400 when there is no body', async () => {
      const res = await h.call('POST', '/activations', {});
      expect(res.status).toBe(400);
      expect(res.json.detail).toContain('JSON body is required');
    });

    it('answers 400 for a body that is not JSON', async () => {
      const res = await h.call('POST', '/activations', { rawBody: '{"level": "II",', headers: { 'Content-Type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.json.type).toBe('urn:snowops:problem:invalid-json');
    });

    it('answers 415 for a form-encoded body', async () => {
      const res = await h.call('POST', '/activations', { rawBody: 'level=II&reason=snow', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      expect(res.status).toBe(415);
      expect(res.json.detail).toContain('Content-Type: application/json');
    });

    it('answers 413 for a body over 16 KiB', async () => {
      const res = await h.call('POST', '/activations', { body: { ...VALID, zoneLevels: Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`zone-${i}`, 'II'])) } });
      expect(res.status).toBe(413);
    });

    it('answers 422 for a zone that is not in the registry', async () => {
      const res = await h.call('POST', '/activations', { body: { ...VALID, zoneLevels: { atlantis: 'II' } } });
      expect(res.status).toBe(422);
      expect(res.json.errors[0].field).toBe('zoneLevels.atlantis');
    });

    it('answers 422 for a zone above the activation level', async () => {
      const res = await h.call('POST', '/activations', { body: { level: 'III', reason: VALID.reason, zoneLevels: { jiefang: 'II' } } });
      expect(res.status).toBe(422);
    });

    it('answers 400 for an Idempotency-Key that is not visible ASCII', async () => {
      const res = await h.call('POST', '/activations', { body: VALID, headers: { 'Idempotency-Key': 'two words' } });
      expect(res.status).toBe(400);
      expect(res.json.errors[0]).toMatchObject({ in: 'header', field: 'Idempotency-Key' });
    });
  });

  it('answers 202 with the activation planning before any team is booked (the planning runs off the request)', async () => {
    const h = await memoryApiHarness();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const book = h.deps.bookings.bookTeam.bind(h.deps.bookings);
    vi.spyOn(h.deps.bookings, 'bookTeam').mockImplementation(async (tasks) => { await gate; return book(tasks); });
    const res = await h.call('POST', '/activations', { body: VALID, settle: false });
    const activation = activationAcceptedSchema.parse(res.json).activation;
    const tasksAtAnswer = (await h.deps.tasks.listTasks(activation.id)).length;
    release();
    await h.settled();
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/activations/${activation.id}`);
    expect(activation).toMatchObject({ level: 'II', openedBy: 'officer-demo', reason: VALID.reason, status: 'open', wave: 1, progress: { wave: 1, phase: 'planning' } });
    expect(tasksAtAnswer).toBe(0);
  });

  it('then books the roads in scope and sends the first wave, which GET /activations/{id} shows active', async () => {
    const h = await memoryApiHarness();
    const res = await h.call('POST', '/activations', { body: VALID });
    const activation = activationSchema.parse((await h.call('GET', res.headers.location!)).json);
    const tasks = await h.deps.tasks.listTasks(activation.id);
    expect(activation.progress).toMatchObject({ wave: 1, phase: 'active', booked: { tasks: tasks.length, crews: new Set(tasks.map((t) => t.crewId)).size }, shortfalls: 0 });
    expect(activation.progress?.booked?.laneKmByTier[1]).toBeCloseTo(tasks.filter((t) => t.tier === 1).reduce((s, t) => s + t.laneKm, 0), 2);
    expect(activation.progress?.booked?.laneKmByTier[3]).toBe(0);
    expect(activation.progress?.dispatch).toMatchObject({ mode: 'sent', sent: activation.progress?.booked?.crews });
    expect(h.deps.sms.sent).toHaveLength(activation.progress!.booked!.crews);
  });

  it('with the stage\'s pace, the active wave says its tasking SMS, their parts as sent and the least time they take (issue 16 item 6)', async () => {
    const h = await memoryApiHarness({ smsPace: { partsPerSecond: 1, origination: 'long-code' } });
    const res = await h.call('POST', '/activations', { body: VALID });
    const activation = activationSchema.parse((await h.call('GET', res.headers.location!)).json);
    const partsSent = h.deps.sms.sent.reduce((n, sms) => n + smsSegments(sms.body).segments, 0);
    expect(activation.progress?.waveSms).toEqual({ messages: h.deps.sms.sent.length, parts: partsSent, partsPerSecond: 1, origination: 'long-code', seconds: partsSent });
  });

  it('shows the phases in order as the worker goes: planning, booking, dispatching, active', async () => {
    const h = await memoryApiHarness();
    const seen: string[] = [];
    const record = h.deps.activations.recordProgress.bind(h.deps.activations);
    vi.spyOn(h.deps.activations, 'recordProgress').mockImplementation(async (id, progress) => { seen.push(progress.phase); return record(id, progress); });
    const res = await h.call('POST', '/activations', { body: VALID });
    expect([res.json.activation.progress.phase, ...seen]).toEqual(['planning', 'booking', 'dispatching', 'active']);
  });

  it('says failed with the reason, and closes the activation so that the officer can try again, when the planning fails', async () => {
    const h = await memoryApiHarness();
    vi.spyOn(h.deps.registry, 'listVehicles').mockRejectedValueOnce(new Error('registry unreadable: throttled'));
    const res = await h.call('POST', '/activations', { body: VALID });
    const activation = (await h.call('GET', `/activations/${res.json.activation.id}`)).json;
    const retry = await h.call('POST', '/activations', { body: VALID });
    expect(res.status).toBe(202);
    expect(activation).toMatchObject({ status: 'stood-down', progress: { wave: 1, phase: 'failed', reason: 'registry unreadable: throttled' } });
    expect(await h.deps.tasks.listTasks(res.json.activation.id)).toEqual([]);
    expect(retry.status).toBe(202);
  });

  it('logs the decision with the officer, the reason and the forecast evidence', async () => {
    const h = await memoryApiHarness();
    const evidence = { rule: 'blizzard-6h', level: 'II' as const, provider: 'open-meteo', value: 12.9, threshold: 10, unit: 'mm snow water', windowHours: 6, from: '2026-12-14T00:00:00.000Z', to: '2026-12-14T06:00:00.000Z', gapHours: 0 };
    await h.deps.zoneStates.putZoneState({ zoneId: 'jiefang', level: 'II', evidence: [evidence], provider: 'open-meteo', lastSuccessAt: '2026-12-13T23:45:00.000Z', lastPollAt: '2026-12-13T23:45:00.000Z', lastError: null });
    const res = await h.call('POST', '/activations', { body: VALID });
    const opened = (await h.deps.log.list(res.json.activation.id)).find((e) => e.action === 'activation.opened');
    expect(opened).toMatchObject({ actor: 'officer-demo', reason: VALID.reason, subject: `activation:${res.json.activation.id}` });
    expect(opened!.details.evidence).toEqual([{ ...evidence, rule: 'jiefang:blizzard-6h' }]);
  });

  it('answers 409 with the open activation when one is already open', async () => {
    const h = await memoryApiHarness();
    const first = await h.call('POST', '/activations', { body: VALID });
    const second = await h.call('POST', '/activations', { body: { level: 'I', reason: 'another officer, same storm' } });
    expect(second.status).toBe(409);
    expect(second.json.activationId).toBe(first.json.activation.id);
    expect(second.json.detail).toContain('already open');
  });

  it('activates once for a double click with the same Idempotency-Key, replaying the first answer', async () => {
    const h = await memoryApiHarness();
    const headers = { 'Idempotency-Key': 'click-8e03978e' };
    const first = await h.call('POST', '/activations', { body: VALID, headers });
    const second = await h.call('POST', '/activations', { body: VALID, headers });
    expect(second.status).toBe(202);
    expect(second.json.activation.id).toBe(first.json.activation.id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await h.deps.activations.listActivations(10)).toHaveLength(1);
    expect(h.deps.sms.sent).toHaveLength((await h.deps.activations.getActivation(first.json.activation.id))!.progress!.booked!.crews);
  });

  it('activates once when the same key arrives twice at the same moment', async () => {
    const h = await memoryApiHarness();
    const headers = { 'Idempotency-Key': 'race-1' };
    const answers = await Promise.all([h.call('POST', '/activations', { body: VALID, headers }), h.call('POST', '/activations', { body: VALID, headers })]);
    const created = answers.filter((a) => a.status === 202);
    expect(new Set(created.map((a) => a.json.activation.id)).size).toBe(1);
    expect(answers.every((a) => a.status === 202 || (a.status === 409 && a.json.type === 'urn:snowops:problem:idempotency-in-progress'))).toBe(true);
    expect(await h.deps.activations.listActivations(10)).toHaveLength(1);
  });

  it('answers 422 when an Idempotency-Key comes back with a different request', async () => {
    const h = await memoryApiHarness();
    const headers = { 'Idempotency-Key': 'reused-key' };
    await h.call('POST', '/activations', { body: VALID, headers });
    const res = await h.call('POST', '/activations', { body: { ...VALID, level: 'I' }, headers });
    expect(res.status).toBe(422);
    expect(res.json.type).toBe('urn:snowops:problem:idempotency-key-reused');
  });

  it('keeps keys apart per user: the same key from another officer is a new request', async () => {
    const h = await memoryApiHarness();
    const other = await h.api.authenticator.issue('officer-wang', ['duty-officer']);
    await h.call('POST', '/activations', { body: VALID, headers: { 'Idempotency-Key': 'k-1' } });
    const res = await h.call('POST', '/activations', { body: VALID, headers: { 'Idempotency-Key': 'k-1' }, authorization: `Bearer ${other}` });
    expect(res.status).toBe(409);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });
});
