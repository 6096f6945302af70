import { beforeAll, describe, expect, it } from 'vitest';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

const NEW_ZONE = { name: '修武县', responsibleUnit: '修武县城市管理局环卫所', latitude: 35.22, longitude: 113.45 };
const crewBody = (zoneId: string, leaderPhone: string, backupPhone: string) => ({
  name: '修武一班', zoneId, depot: '修武车场', size: 4, certified: ['plough'],
  leader: { name: '赵强', phone: leaderPhone, language: 'zh-CN' }, backup: { name: '钱勇', phone: backupPhone, language: 'zh-CN' },
});

describe('registry routes', () => {
  let h: MemoryApiHarness;
  beforeAll(async () => { h = await memoryApiHarness(); });

  it('shows an administrator the crews with their phones', async () => {
    const res = await h.call('GET', '/registry/crews', { as: 'admin' });
    expect(res.json.crews[0].leader.phone).toMatch(/^\+86\d{11}$/);
  });

  it.each(['officer', 'manager'] as const)('shows %s the crews with phones masked', async (as) => {
    const res = await h.call('GET', '/registry/crews', { as });
    expect(res.json.crews).toHaveLength(h.city.crews.length);
    expect(JSON.stringify(res.json)).not.toMatch(/\+86\d{11}/);
  });

  it.each(['zones', 'roads', 'vehicles'] as const)('lists %s by id', async (kind) => {
    const res = await h.call('GET', `/registry/${kind}`, { as: 'manager' });
    expect(res.json[kind].map((r: { id: string }) => r.id)).toEqual(h.city[kind].map((r) => r.id).sort());
  });

  it('reads one record and answers 404 for a missing one', async () => {
    expect((await h.call('GET', '/registry/roads/R001')).json.name).toBe(h.city.roads.find((r) => r.id === 'R001')!.name);
    expect((await h.call('GET', '/registry/roads/R999')).status).toBe(404);
  });

  it('lets an administrator create a zone (201) and then replace it (200), logging both', async () => {
    const created = await h.call('PUT', '/registry/zones/xiuwu', { as: 'admin', body: NEW_ZONE });
    const replaced = await h.call('PUT', '/registry/zones/xiuwu', { as: 'admin', body: { ...NEW_ZONE, id: 'xiuwu', responsibleUnit: '修武县环卫中心' } });
    expect([created.status, replaced.status]).toEqual([201, 200]);
    expect((await h.deps.registry.listZones()).find((z) => z.id === 'xiuwu')?.responsibleUnit).toBe('修武县环卫中心');
    const log = await h.deps.log.list('registry');
    expect(log.filter((e) => e.subject === 'zone:xiuwu').map((e) => [e.actor, e.action])).toEqual([['admin-demo', 'registry.created'], ['admin-demo', 'registry.replaced']]);
  });

  it.each(['officer', 'manager'] as const)('refuses %s a registry edit with 403', async (as) => {
    expect((await h.call('PUT', '/registry/zones/other', { as, body: NEW_ZONE })).status).toBe(403);
    expect((await h.call('DELETE', '/registry/roads/R001', { as })).status).toBe(403);
  });

  it('answers 400 when the body id differs from the path id', async () => {
    const res = await h.call('PUT', '/registry/zones/a', { as: 'admin', body: { ...NEW_ZONE, id: 'b' } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toBe('id');
  });

  it('answers 400 naming the bad phone of a crew', async () => {
    const res = await h.call('PUT', '/registry/crews/CX', { as: 'admin', body: crewBody('jiefang', '13812345678', '+8613812345679') });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({ field: 'leader.phone', detail: expect.stringContaining('E.164') });
  });

  it('answers 422 for a road in a zone that does not exist', async () => {
    const road = { ...h.city.roads[0]!, zoneId: 'atlantis' };
    const res = await h.call('PUT', `/registry/roads/${road.id}`, { as: 'admin', body: road });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].field).toBe('zoneId');
  });

  it('creates a crew whose phones then find it for inbound SMS', async () => {
    const res = await h.call('PUT', '/registry/crews/C99', { as: 'admin', body: crewBody('jiefang', '+8613811110001', '+8613811110002') });
    expect(res.status).toBe(201);
    expect((await h.deps.registry.findCrewByPhone('+8613811110002'))?.crew.id).toBe('C99');
  });

  it('moves the phone lookup with a changed phone', async () => {
    await h.call('PUT', '/registry/crews/C98', { as: 'admin', body: crewBody('jiefang', '+8613822220001', '+8613822220002') });
    await h.call('PUT', '/registry/crews/C98', { as: 'admin', body: crewBody('jiefang', '+8613822220003', '+8613822220002') });
    expect(await h.deps.registry.findCrewByPhone('+8613822220001')).toBeUndefined();
    expect((await h.deps.registry.findCrewByPhone('+8613822220003'))?.crew.id).toBe('C98');
  });

  it('answers 409 when a phone already belongs to another crew, writing nothing', async () => {
    const taken = h.city.crews[0]!.leader.phone;
    const res = await h.call('PUT', '/registry/crews/C97', { as: 'admin', body: crewBody('jiefang', taken, '+8613833330002') });
    expect(res.status).toBe(409);
    expect((await h.call('GET', '/registry/crews/C97', { as: 'admin' })).status).toBe(404);
    expect((await h.deps.registry.findCrewByPhone(taken))?.crew.id).toBe(h.city.crews[0]!.id);
  });

  it('answers 409 when deleting a zone that still has roads', async () => {
    const res = await h.call('DELETE', '/registry/zones/jiefang', { as: 'admin' });
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('jiefang');
  });

  it('deletes a crew (204) and its phone lookup', async () => {
    await h.call('PUT', '/registry/crews/C96', { as: 'admin', body: crewBody('jiefang', '+8613844440001', '+8613844440002') });
    expect((await h.call('DELETE', '/registry/crews/C96', { as: 'admin' })).status).toBe(204);
    expect(await h.deps.registry.findCrewByPhone('+8613844440001')).toBeUndefined();
  });

  it('answers 404 when deleting what is not there', async () => {
    expect((await h.call('DELETE', '/registry/vehicles/V-none', { as: 'admin' })).status).toBe(404);
  });

  it('answers 409 when deleting a crew that is on open tasks', async () => {
    const fresh = await memoryApiHarness();
    const activation = await fresh.call('POST', '/activations', { body: { level: 'II', reason: 'CMA orange blizzard warning' } });
    const crewId = (await fresh.deps.tasks.listTasks(activation.json.activation.id))[0]!.crewId;
    const res = await fresh.call('DELETE', `/registry/crews/${crewId}`, { as: 'admin' });
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('open tasks');
  });

  it('shows the plan with the duty officer phone masked to a manager, and lets an administrator replace it', async () => {
    const shown = await h.call('GET', '/registry/plan', { as: 'manager' });
    expect(shown.json.dutyOfficerPhone).toMatch(/\*{4}/);
    const plan = { ...h.city.plan, activationPolicy: 'propose', timeTargetsHours: { IV: { 1: 2, 2: 6, 3: 12 }, III: { 1: 4, 2: 8, 3: 16 }, II: { 1: 5, 2: 10, 3: 20 }, I: { 1: 6, 2: 16, 3: 24 } } };
    const res = await h.call('PUT', '/registry/plan', { as: 'admin', body: plan });
    expect(res.status).toBe(200);
    expect((await h.deps.registry.getPlan()).timeTargetsHours?.II[1]).toBe(5);
  });

  it('answers 400 for a plan with a bad threshold', async () => {
    const res = await h.call('PUT', '/registry/plan', { as: 'admin', body: { ...h.city.plan, blizzardThresholds: [{ level: 'II', windowHours: 0, waterMm: 10 }] } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toBe('blizzardThresholds.0.windowHours');
  });
});
