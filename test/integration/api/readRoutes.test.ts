import { beforeAll, describe, expect, it } from 'vitest';
import { cityStatusSchema, zoneForecastSchema } from '../../../functions/core/status/CityStatus.ts';
import { activationRecordSchema, activationSchema } from '../../../functions/handlers/api/schemas/activation.ts';
import { taskSchema } from '../../../functions/handlers/api/schemas/task.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

const EVIDENCE = { rule: 'blizzard-6h', level: 'II' as const, provider: 'open-meteo', value: 12.9, threshold: 10, unit: 'mm snow water', windowHours: 6, from: '2026-12-14T00:00:00.000Z', to: '2026-12-14T06:00:00.000Z', gapHours: 1 };

describe('read routes on an open activation', () => {
  let h: MemoryApiHarness;
  let activationId: string;
  beforeAll(async () => {
    h = await memoryApiHarness();
    await h.deps.zoneStates.putZoneState({ zoneId: 'shanyang', level: 'II', evidence: [EVIDENCE], provider: 'open-meteo', lastSuccessAt: '2026-12-13T23:30:00.000Z', lastPollAt: '2026-12-13T23:45:00.000Z', lastError: 'met-norway: timeout' });
    activationId = (await h.call('POST', '/activations', { body: { level: 'II', reason: 'CMA orange blizzard warning' } })).json.activation.id;
  });

  describe('GET /status', () => {
    it.each(['officer', 'manager', 'admin'] as const)('answers %s with the zones, the open activation and task counts', async (as) => {
      const res = await h.call('GET', '/status', { as });
      expect(res.status).toBe(200);
      const status = cityStatusSchema.parse(res.json);
      expect(status.openActivation?.id).toBe(activationId);
      expect(status.forecastLevel).toBe('II');
      expect(status.zones.find((z) => z.zoneId === 'shanyang')).toMatchObject({ forecastLevel: 'II', activationLevel: 'II', lastError: 'met-norway: timeout' });
      const tasks = await h.deps.tasks.listTasks(activationId);
      expect(status.taskCounts.dispatched).toBe(tasks.filter((t) => t.state === 'dispatched').length);
    });

    it('refuses a token in no snowops group with 403', async () => {
      const res = await h.call('GET', '/status', { as: 'nobody' });
      expect(res.status).toBe(403);
      expect(res.json.detail).toContain('visitor');
    });

    it.each([
      ['no token', undefined],
      ['a malformed header', 'Token abc'],
      ['a forged token', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ])('answers 401 problem+json for %s', async (_n, authorization) => {
      const res = await h.call('GET', '/status', authorization === undefined ? { as: 'none' } : { authorization });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('answers 401 for an expired token', async () => {
      const expired = await h.api.authenticator.issue('officer-demo', ['duty-officer'], -60);
      const res = await h.call('GET', '/status', { authorization: `Bearer ${expired}` });
      expect(res.status).toBe(401);
      expect(res.json.detail).toContain('expired');
    });
  });

  describe('GET /forecast', () => {
    it('lists every zone with its level and evidence', async () => {
      const res = await h.call('GET', '/forecast', { as: 'manager' });
      const zones = res.json.zones.map((z: unknown) => zoneForecastSchema.parse(z));
      expect(zones).toHaveLength(h.city.zones.length);
      expect(zones.find((z: { zoneId: string }) => z.zoneId === 'shanyang').evidence).toEqual([EVIDENCE]);
    });

    it('answers one zone with the age of its forecast', async () => {
      const res = await h.call('GET', '/forecast/shanyang', { as: 'manager' });
      expect(res.json).toMatchObject({ zoneId: 'shanyang', level: 'II', provider: 'open-meteo', minutesSinceSuccess: 30 });
    });

    it('answers a never-polled zone at level none with no evidence', async () => {
      const res = await h.call('GET', '/forecast/macun');
      expect(res.json).toMatchObject({ level: 'none', evidence: [], lastPollAt: null });
    });

    it('answers 404 naming the known zones for an unknown zone', async () => {
      const res = await h.call('GET', '/forecast/atlantis');
      expect(res.status).toBe(404);
      expect(res.json.detail).toContain('jiefang');
    });

    it('refuses a token in no group with 403', async () => {
      expect((await h.call('GET', '/forecast', { as: 'nobody' })).status).toBe(403);
    });
  });

  describe('GET /activations and /activations/{id}', () => {
    it('lists the activation, newest first', async () => {
      const res = await h.call('GET', '/activations?limit=5', { as: 'manager' });
      expect(res.json.activations.map((a: unknown) => activationRecordSchema.parse(a).id)).toEqual([activationId]);
    });

    it('reads one activation with the evidence it was opened on, kept apart from its record', async () => {
      const res = await h.call('GET', `/activations/${activationId}`, { as: 'manager' });
      const shown = activationSchema.parse(res.json);
      expect({ count: shown.evidenceCount, evidence: shown.evidence }).toEqual({ count: 1, evidence: [{ ...EVIDENCE, rule: `shanyang:${EVIDENCE.rule}` }] });
    });

    it('reads "current" as the open activation', async () => {
      const res = await h.call('GET', '/activations/current', { as: 'admin' });
      expect(res.json.id).toBe(activationId);
    });

    it('answers 400 for a limit out of range', async () => {
      const res = await h.call('GET', '/activations?limit=1000');
      expect(res.status).toBe(400);
      expect(res.json.errors[0]).toMatchObject({ in: 'query', field: 'limit' });
    });

    it('answers 404 for an unknown activation', async () => {
      expect((await h.call('GET', '/activations/act-unknown')).status).toBe(404);
    });
  });

  describe('GET /activations/{id}/tasks', () => {
    it('lists every task in code order for a manager', async () => {
      const res = await h.call('GET', `/activations/${activationId}/tasks`, { as: 'manager' });
      const tasks = res.json.tasks.map((t: unknown) => taskSchema.parse(t));
      expect(tasks.map((t: { code: string }) => t.code)).toEqual((await h.deps.tasks.listTasks(activationId)).map((t) => t.code).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    });

    it.each([
      ['tier', 'tier=2', (t: { tier: number }) => t.tier === 2],
      ['zone', 'zone=macun', (t: { zoneId: string }) => t.zoneId === 'macun'],
      ['crew', 'crew=C01', (t: { crewId: string }) => t.crewId === 'C01'],
      ['states', 'state=dispatched,acknowledged', (t: { state: string }) => ['dispatched', 'acknowledged'].includes(t.state)],
    ])('filters by %s', async (_n, query, keep) => {
      const all = await h.deps.tasks.listTasks(activationId);
      const res = await h.call('GET', `/activations/current/tasks?${query}`);
      expect(res.json.tasks.length).toBe(all.filter(keep as (t: unknown) => boolean).length);
      expect(res.json.tasks.length).toBeGreaterThan(0);
    });

    it('combines filters', async () => {
      const res = await h.call('GET', '/activations/current/tasks?tier=1&zone=jiefang');
      expect(res.json.tasks.every((t: { tier: number; zoneId: string }) => t.tier === 1 && t.zoneId === 'jiefang')).toBe(true);
    });

    it.each([
      ['an unknown state', 'state=finished', 'state'],
      ['a tier out of range', 'tier=4', 'tier'],
      ['an unknown filter', 'colour=red', 'colour'],
    ])('answers 400 for %s', async (_n, query, field) => {
      const res = await h.call('GET', `/activations/current/tasks?${query}`);
      expect(res.status).toBe(400);
      expect(res.json.errors[0]).toMatchObject({ in: 'query', field });
    });

    it('answers 404 for an unknown activation', async () => {
      expect((await h.call('GET', '/activations/act-unknown/tasks')).status).toBe(404);
    });

    it('refuses no token with 401', async () => {
      expect((await h.call('GET', `/activations/${activationId}/tasks`, { as: 'none' })).status).toBe(401);
    });
  });

  describe('routing', () => {
    it('answers 404 problem+json for an unknown route with a token', async () => {
      const res = await h.call('GET', '/nowhere');
      expect(res.status).toBe(404);
      expect(res.json.detail).toContain('/openapi.json');
    });

    it('answers 401 for an unknown route without a token, as the authorizer would', async () => {
      expect((await h.call('GET', '/nowhere', { as: 'none' })).status).toBe(401);
    });

    it('answers 405 with Allow for a known path and the wrong method', async () => {
      const res = await h.call('DELETE', '/status');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET');
    });

    it('serves the OpenAPI document without a token', async () => {
      const res = await h.call('GET', '/openapi.json', { as: 'none' });
      expect(res.status).toBe(200);
      expect(res.json.openapi).toBe('3.1.0');
    });
  });
});
