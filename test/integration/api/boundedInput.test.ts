import { beforeAll, describe, expect, it } from 'vitest';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

const CSV = { 'Content-Type': 'text/csv; charset=utf-8' };
const ROAD_HEADER = 'id,name,zone,tier,lane_km,lat,lon,passes,agent_allowed';

describe('bounded input: the API, the CSV importer and the plan editor refuse the same values', () => {
  let h: MemoryApiHarness;
  let road: Record<string, unknown>;
  beforeAll(async () => {
    h = await memoryApiHarness();
    const { id: _id, ...rest } = (await h.call('GET', '/registry/roads/R001', { as: 'admin' })).json;
    road = rest;
  });

  it('refuses a road name too long for a tasking SMS, naming the field (issue 14, defect 2)', async () => {
    const res = await h.call('PUT', '/registry/roads/R001', { as: 'admin', body: { ...road, name: '路'.repeat(2003) } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({ in: 'body', field: 'name', detail: expect.stringContaining('at most 40') });
    expect((await h.deps.registry.listRoads()).find((r) => r.id === 'R001')!.name).toBe(road.name);
  });

  it.each([1e308, 1e-300, 9e15])('refuses laneKm %s through the API with 400, not 500 (defect 7)', async (laneKm) => {
    const res = await h.call('PUT', '/registry/roads/R001', { as: 'admin', body: { ...road, laneKm } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toBe('laneKm');
  });

  it.each(['1e308', '1e-300', '9e15'])('refuses lane_km %s through the CSV importer with the same bound (defect 7)', async (laneKm) => {
    const res = await h.call('POST', '/registry/import/roads', { as: 'admin', rawBody: `${ROAD_HEADER}\nR900,新路,jiefang,1,${laneKm},35.2,113.2,plough,yes\n`, headers: CSV });
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({ line: 2, column: 'lane_km' });
  });

  it('refuses a crew of 10,000 through the API as the importer does (defect 7)', async () => {
    const { id: _id, ...crew } = (await h.call('GET', '/registry/crews/C01', { as: 'admin' })).json;
    const res = await h.call('PUT', '/registry/crews/C01', { as: 'admin', body: { ...crew, size: 10_000 } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toBe('size');
  });

  it.each([
    ['a NUL', '人民\u0000路'],
    ['a line break', '人民\n路'],
    ['a right-to-left override', '人民\u202e路'],
    ['a bidi isolate', '\u2067人民路'],
  ])('refuses a name with %s, naming the field and the character (defect 9)', async (_what, name) => {
    const res = await h.call('PUT', '/registry/roads/R001', { as: 'admin', body: { ...road, name } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({ field: 'name', detail: expect.stringMatching(/U\+[0-9A-F]{4}/) });
  });

  it('refuses a control character in a CSV cell, naming its line and column (defect 9)', async () => {
    const res = await h.call('POST', '/registry/import/roads', { as: 'admin', rawBody: `${ROAD_HEADER}\nR900,新\u202e路,jiefang,1,2,35.2,113.2,plough,yes\n`, headers: CSV });
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({ line: 2, column: 'name', detail: expect.stringContaining('U+202E') });
  });

  it('stores names in NFC, so one road name is one string however it was typed', async () => {
    const res = await h.call('PUT', '/registry/roads/R001', { as: 'admin', body: { ...road, name: 'Cafe\u0301 Road' } });
    expect(res.status).toBe(200);
    expect((await h.deps.registry.listRoads()).find((r) => r.id === 'R001')!.name).toBe('Caf\u00e9 Road');
  });

  describe('the plan (defect 6)', () => {
    let plan: Record<string, unknown>;
    beforeAll(async () => { plan = (await h.call('GET', '/registry/plan', { as: 'admin' })).json; });

    it('refuses a start lead of 1e12 minutes, which made every preview answer 500', async () => {
      const res = await h.call('PUT', '/registry/plan', { as: 'admin', body: { ...plan, startLeadMinutes: 1e12 } });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].field).toBe('startLeadMinutes');
      const preview = await h.call('POST', '/activations/preview', { as: 'officer', body: { level: 'II' } });
      expect(preview.status).toBe(200);
    });

    it('refuses tiers that do not exist at a level', async () => {
      const res = await h.call('PUT', '/registry/plan', { as: 'admin', body: { ...plan, tiersByLevel: { ...(plan.tiersByLevel as object), II: [99, -1] } } });
      expect(res.status).toBe(400);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toContain('tiersByLevel.II.0');
    });

    it('refuses a level with no tier in scope, or without tier 1 (tier 1 is always first)', async () => {
      for (const II of [[], [2, 3]]) {
        const res = await h.call('PUT', '/registry/plan', { as: 'admin', body: { ...plan, tiersByLevel: { ...(plan.tiersByLevel as object), II } } });
        expect(res.status).toBe(400);
        expect(res.json.errors[0].field).toMatch(/^tiersByLevel\.II/);
      }
    });

    it('refuses a travel speed of 1e-300 km/h and a segment cap of 0', async () => {
      const slow = await h.call('PUT', '/registry/plan', { as: 'admin', body: { ...plan, travelSpeedKmPerH: 1e-300 } });
      const cap = await h.call('PUT', '/registry/plan', { as: 'admin', body: { ...plan, smsSegmentCap: 0 } });
      expect([slow.status, cap.status]).toEqual([400, 400]);
      expect([slow.json.errors[0].field, cap.json.errors[0].field]).toEqual(['travelSpeedKmPerH', 'smsSegmentCap']);
    });
  });

  it('refuses the duty officer\'s phone as a crew leader\'s (defect 9): one phone answers for one role', async () => {
    const plan = (await h.call('GET', '/registry/plan', { as: 'admin' })).json;
    const { id: _id, ...crew } = (await h.call('GET', '/registry/crews/C01', { as: 'admin' })).json;
    const res = await h.call('PUT', '/registry/crews/C01', { as: 'admin', body: { ...crew, leader: { ...crew.leader, phone: plan.dutyOfficerPhone } } });
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('duty officer');
    expect((await h.deps.registry.listCrews()).find((c) => c.id === 'C01')!.leader.phone).toBe(crew.leader.phone);
  });

  it('refuses a crews file giving a leader the duty officer\'s phone (defect 9)', async () => {
    const plan = (await h.call('GET', '/registry/plan', { as: 'admin' })).json;
    const file = 'id,name,zone,depot,size,leader_name,leader_phone,backup_name,backup_phone,certified\n'
      + `C900,新班,jiefang,解放区环卫车场,4,王五,${plan.dutyOfficerPhone},赵六,+8613900399999,plough\n`;
    const res = await h.call('POST', '/registry/import/crews', { as: 'admin', rawBody: file, headers: CSV });
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({ line: 2, column: 'leader_phone', detail: expect.stringContaining('duty officer') });
  });
});
