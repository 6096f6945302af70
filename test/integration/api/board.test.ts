import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ROAD_STATES } from '../../../functions/core/board/roadState.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { boardSchema } from '../../../functions/handlers/api/schemas/board.ts';
import { apiHarness, type ApiHarness } from '../../support/apiHarness.ts';

describe('GET /board', () => {
  let h: ApiHarness;
  beforeAll(async () => { h = await apiHarness(); });

  it('shows every zone and no activation before anything is opened', async () => {
    const res = await h.call('GET', '/board', { as: 'manager' });
    expect(res.status).toBe(200);
    const board = boardSchema.parse(res.json);
    expect(board.zones.map((z) => z.zoneId).sort()).toEqual(h.city.zones.map((z) => z.id).sort());
    expect(board.activation).toBeNull();
    expect(board.roads).toEqual({});
  });

  it('colours the roads of an activation by their most urgent pass and counts the tasks', async () => {
    const opened = await h.call('POST', '/activations', { body: { level: 'II', reason: 'board test: CMA orange warning' } });
    expect(opened.status).toBe(201);
    const board = boardSchema.parse((await h.call('GET', '/board')).json);
    const tasks = await h.deps.tasks.listTasks(board.activation!.id);
    expect(board.activation!.level).toBe('II');
    expect(board.kpis!.tasks).toBe(tasks.length);
    for (const t of tasks) expect(['dispatched', 'short', 'planned']).toContain(board.roads[t.roadId]);
    expect(board.ticker.length).toBeGreaterThan(0);
    expect(board.ticker[0]!.at >= board.ticker.at(-1)!.at).toBe(true);
  });

  it('answers 304 with no body to If-None-Match while nothing changed, and 200 with a new ETag once a reply moved a task', async () => {
    const first = await h.call('GET', '/board');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await h.call('GET', '/board', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
    await handleReply(h.deps, { inboundMessageId: 'board-in-1', from: h.deps.sms.sent[0]!.to, body: '1' });
    const changed = await h.call('GET', '/board', { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    // A road shows its most urgent pass: an acknowledged task's road is acknowledged, or behind it if another crew's pass there is not.
    const board = boardSchema.parse(changed.json);
    const acknowledged = (await h.deps.tasks.listTasks(board.activation!.id)).filter((t) => t.state === 'acknowledged');
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const t of acknowledged) expect(ROAD_STATES.indexOf(board.roads[t.roadId]!)).toBeLessThanOrEqual(ROAD_STATES.indexOf('acknowledged'));
  });

  it('answers a poll 304 from the board version, without reading the activation\'s tasks', async () => {
    const etag = (await h.call('GET', '/board')).headers.etag!;
    const listTasks = vi.spyOn(h.deps.tasks, 'listTasks');
    const again = await h.call('GET', '/board', { headers: { 'If-None-Match': etag } });
    listTasks.mockRestore();
    expect({ status: again.status, taskReads: listTasks.mock.calls.length }).toEqual({ status: 304, taskReads: 0 });
  });

  it('answers 200 once a tier-1 road\'s estimate has passed, though nothing was written', async () => {
    const first = await h.call('GET', '/board');
    expect(first.json.kpis.tier1Late).toBe(false);
    h.clock.advance(24 * 60);
    const later = await h.call('GET', '/board', { headers: { 'If-None-Match': first.headers.etag! } });
    expect({ status: later.status, late: later.json?.kpis.tier1Late }).toEqual({ status: 200, late: true });
  });
});

describe('GET /map', () => {
  let h: ApiHarness;
  beforeAll(async () => { h = await apiHarness(); });

  it('holds every road of the registry once, with its tier and zone, and one outline per zone', async () => {
    const res = await h.call('GET', '/map', { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.json.roads.id.sort()).toEqual(h.city.roads.map((r) => r.id).sort());
    const i = res.json.roads.id.indexOf(h.city.roads[0]!.id);
    expect(res.json.roads.tier[i]).toBe(h.city.roads[0]!.tier);
    expect(res.json.zones[res.json.roads.zone[i]].id).toBe(h.city.roads[0]!.zoneId);
    expect(res.json.zones).toHaveLength(h.city.zones.length);
  });

  it('is cacheable privately and revalidates to 304 by its ETag', async () => {
    const res = await h.call('GET', '/map');
    expect(res.headers['cache-control']).toBe('private, max-age=300');
    const again = await h.call('GET', '/map', { headers: { 'If-None-Match': `W/${res.headers.etag}` } });
    expect(again.status).toBe(304);
  });

  it('is refused without a token', async () => {
    expect((await h.call('GET', '/map', { as: 'none' })).status).toBe(401);
  });
});

describe('GET /citizen/map (the report page\'s map)', () => {
  let h: ApiHarness;
  beforeAll(async () => { h = await apiHarness(); });

  it('answers without a token the same geometry as GET /map, cacheable by anyone', async () => {
    const pub = await h.call('GET', '/citizen/map', { as: 'none' });
    const officers = await h.call('GET', '/map', { as: 'admin' });
    expect(pub.status).toBe(200);
    expect(pub.json).toEqual(officers.json);
    expect(pub.headers['cache-control']).toBe('public, max-age=300');
  });
});
