import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryBuiltViews } from '../../../functions/adapters/memory/MemoryBuiltViews.ts';
import { OperationsMemory } from '../../../functions/adapters/memory/OperationsMemory.ts';
import { readBoard } from '../../../functions/core/board/readBoard.ts';
import { ROAD_STATES } from '../../../functions/core/board/roadState.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { boardSchema } from '../../../functions/handlers/api/schemas/board.ts';
import { harnessOver, memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

describe('GET /board', () => {
  let h: MemoryApiHarness;
  beforeAll(async () => { h = await memoryApiHarness(); });

  it('shows every zone and no activation before anything is opened', async () => {
    const res = await h.call('GET', '/board', { as: 'manager' });
    expect(res.status).toBe(200);
    const board = boardSchema.parse(res.json);
    expect(board.zones.map((z) => z.zoneId).sort()).toEqual(h.city.zones.map((z) => z.id).sort());
    expect(board.activation).toBeNull();
    expect(board.roads).toEqual({});
  });

  it('gives each zone its snow water ahead, hour by hour, and the plan\'s thresholds for the forecast strip', async () => {
    const zone = h.city.zones[0]!;
    const at = h.deps.clock.now().toISOString();
    const hourly = { from: '2026-12-14T00:00:00.000Z', snowWaterMm: [0, 1.5, null, 2.25] };
    await h.deps.zoneStates.putZoneState({ zoneId: zone.id, level: 'none', evidence: [], provider: 'open-meteo', lastSuccessAt: at, lastPollAt: at, lastError: null, hourly });
    const board = boardSchema.parse((await h.call('GET', '/board', { as: 'manager' })).json);
    expect({ hourly: board.zones.find((z) => z.zoneId === zone.id)!.hourly, others: board.zones.filter((z) => z.zoneId !== zone.id).map((z) => z.hourly), thresholds: board.thresholds })
      .toEqual({ hourly, others: h.city.zones.slice(1).map(() => null), thresholds: h.city.plan.blizzardThresholds });
  });

  it('colours the roads of an activation by their most urgent pass and counts the tasks', async () => {
    const opened = await h.call('POST', '/activations', { body: { level: 'II', reason: 'board test: CMA orange warning' } });
    expect(opened.status).toBe(202);
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
    // Counted before the restore: restoring a spy clears what it recorded.
    const taskReads = listTasks.mock.calls.length;
    listTasks.mockRestore();
    expect({ status: again.status, taskReads }).toEqual({ status: 304, taskReads: 0 });
  });

  it('reads what changed once for every console asking for the same version of the board', async () => {
    // A leader who has not replied yet: the acknowledgement moves tasks, so the board has a new version no console has read.
    const leader = h.deps.sms.sent.find((m) => m.to !== h.deps.sms.sent[0]!.to)!.to;
    await handleReply(h.deps, { inboundMessageId: 'board-in-memo', from: leader, body: '1' });
    const getTasks = vi.spyOn(h.deps.tasks, 'getTasks');
    const answers = await Promise.all([h.call('GET', '/board'), h.call('GET', '/board', { as: 'manager' }), h.call('GET', '/board')]);
    const taskReads = getTasks.mock.calls.length;
    getTasks.mockRestore();
    expect({ statuses: answers.map((a) => a.status), sameBody: new Set(answers.map((a) => a.text)).size, taskReads }).toEqual({ statuses: [200, 200, 200], sameBody: 1, taskReads: 1 });
  });

  it('reads only the tasks a reply moved, not every task, and answers as a whole read does', async () => {
    await h.call('GET', '/board');
    const leader = h.deps.sms.sent.find((m) => m.to !== h.deps.sms.sent[0]!.to && m.to !== h.deps.sms.sent[1]?.to)!.to;
    await handleReply(h.deps, { inboundMessageId: 'board-in-changed', from: leader, body: '2' });
    const listTasks = vi.spyOn(h.deps.tasks, 'listTasks');
    const getTasks = vi.spyOn(h.deps.tasks, 'getTasks');
    const answer = await h.call('GET', '/board');
    const reads = { whole: listTasks.mock.calls.length, byId: getTasks.mock.calls.flatMap((c) => c[1]) };
    listTasks.mockRestore();
    getTasks.mockRestore();
    const onSite = (await h.deps.tasks.listTasks(answer.json.activation.id)).filter((t) => t.state === 'on-site').map((t) => t.id);
    // The same board read whole: the sources forgotten, so that every task is read.
    const whole = await readBoard({ ...h.deps, views: new MemoryBuiltViews(new OperationsMemory()) });
    expect({ reads, roads: answer.json.roads, kpis: answer.json.kpis }).toEqual({ reads: { whole: 0, byId: expect.arrayContaining(onSite) }, roads: whole.board.roads, kpis: whole.board.kpis });
  });

  it('answers a new API over the same tables (a new container) from the board a first one read whole, reading no task', async () => {
    const first = await h.call('GET', '/board');
    const container = await harnessOver(h.deps, { stores: h.stores }, {});
    const listTasks = vi.spyOn(h.deps.tasks, 'listTasks');
    const answer = await container.call('GET', '/board');
    const taskReads = listTasks.mock.calls.length;
    listTasks.mockRestore();
    container.api.close();
    expect({ status: answer.status, sameBoard: answer.text === first.text, taskReads }).toEqual({ status: 200, sameBoard: true, taskReads: 0 });
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
  let h: MemoryApiHarness;
  beforeAll(async () => { h = await memoryApiHarness(); });

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

  it('answers 200 with another tag and the new name once a road is renamed', async () => {
    const etag = (await h.call('GET', '/map')).headers.etag!;
    const road = h.city.roads[0]!;
    expect((await h.call('PUT', `/registry/roads/${road.id}`, { as: 'admin', body: { ...road, name: '新名路' }, headers: { 'Idempotency-Key': 'map-rename-1' } })).status).toBe(200);
    const after = await h.call('GET', '/map', { headers: { 'If-None-Match': etag } });
    expect({ status: after.status, tagChanged: after.headers.etag !== etag, name: after.json?.roads.name[after.json.roads.id.indexOf(road.id)] }).toEqual({ status: 200, tagChanged: true, name: '新名路' });
  });

  it('answers a new API over the same tables (a new container) from the map a first one built, reading no road', async () => {
    const first = await h.call('GET', '/map');
    const container = await harnessOver(h.deps, { stores: h.stores }, {});
    const listRoads = vi.spyOn(h.deps.registry, 'listRoads');
    const answer = await container.call('GET', '/map');
    const roadReads = listRoads.mock.calls.length;
    listRoads.mockRestore();
    container.api.close();
    expect({ status: answer.status, sameMap: answer.text === first.text, etag: answer.headers.etag, roadReads }).toEqual({ status: 200, sameMap: true, etag: first.headers.etag, roadReads: 0 });
  });

  it('is refused without a token', async () => {
    expect((await h.call('GET', '/map', { as: 'none' })).status).toBe(401);
  });
});

describe('GET /citizen/map (the report page\'s map)', () => {
  let h: MemoryApiHarness;
  beforeAll(async () => { h = await memoryApiHarness(); });

  it('answers without a token the same geometry as GET /map, cacheable by anyone', async () => {
    const pub = await h.call('GET', '/citizen/map', { as: 'none' });
    const officers = await h.call('GET', '/map', { as: 'admin' });
    expect(pub.status).toBe(200);
    expect(pub.json).toEqual(officers.json);
    expect(pub.headers['cache-control']).toBe('public, max-age=300');
  });
});
