import { beforeAll, describe, expect, it } from 'vitest';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { form, reporterPass } from '../../support/citizenApi.ts';

let h: MemoryApiHarness;
// The page's origin, as `npm run serve` tells the API where it listens: the closing SMS links to it.
beforeAll(async () => { h = await memoryApiHarness(); h.api.setOrigin('https://snow.example'); });

/** Files a report through Open311 and registers it; returns the case id. */
async function registeredCase(fields: { service_code: string; lat: number; long: number; description: string }): Promise<string> {
  const filed = await h.call('POST', '/open311/v2/requests.json', { as: 'none', ...form({ ...fields, api_key: await reporterPass(h), lang: 'zh-CN' }) });
  expect(filed.status, filed.text).toBe(201);
  const id = filed.json[0].service_request_id as string;
  expect((await h.call('POST', `/citizen/cases/${id}/register`, { headers: { 'Idempotency-Key': `reg-${id}` } })).status).toBe(200);
  return id;
}

describe('POST /citizen/cases/{id}/dispatch: a registered case becomes a booked task', () => {
  it('waits, with the reason, while no response is open', async () => {
    const id = await registeredCase({ service_code: 'icy-road', lat: 35.235, long: 113.1907, description: '龙翔街结冰' });
    const res = await h.call('POST', `/citizen/cases/${id}/dispatch`, { headers: { 'Idempotency-Key': `d0-${id}` } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ outcome: 'waiting', case: { state: 'waiting' } });
    expect(res.json.reason).toMatch(/no response is open/);
  });

  it('books a free certified team on the nearest road during an activation, texts its leader the task code, and the case follows the crew\'s "3 done" to handled, then closes with the reporter\'s SMS', async () => {
    expect((await h.call('POST', '/activations', { body: { level: 'IV', reason: 'citizen dispatch test' } })).status).toBe(202);
    const id = await registeredCase({ service_code: 'icy-road', lat: 35.2351, long: 113.1906, description: '龙翔街桥面结冰' });
    const sentBefore = h.deps.sms.sent.length;
    const res = await h.call('POST', `/citizen/cases/${id}/dispatch`, { headers: { 'Idempotency-Key': `d1-${id}` } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ outcome: 'dispatched', joined: false, task: { road: '龙翔街' }, case: { state: 'dispatched' } });
    const { code, crewId } = res.json.task as { code: string; crewId: string };
    const crew = h.city.crews.find((c) => c.id === crewId)!;
    expect(crew.certified).toContain(res.json.task.pass);
    const tasking = h.deps.sms.sent.slice(sentBefore).find((s) => s.to === crew.leader.phone);
    expect(tasking?.body).toContain(code);

    await handleReply(h.deps, { inboundMessageId: `case-done-${id}`, from: crew.leader.phone, body: `3 ${code}` });
    const handled = await h.call('GET', `/citizen/cases/${id}`);
    expect(handled.json.state).toBe('handled');
    const closed = await h.call('POST', `/citizen/cases/${id}/verify`, { body: { note: '已撒布融雪剂' }, headers: { 'Idempotency-Key': `v-${id}` } });
    expect(closed.json.state).toBe('closed');
    const reporter = h.deps.sms.sent.filter((s) => s.body.includes(id)).map((s) => s.body);
    expect(reporter.some((b) => b.includes('已处置完毕') && b.includes(`https://snow.example/report/status.html?case=${id}#`))).toBe(true);
  });

  it('puts a case on a road a crew is already tasked with onto that crew\'s task instead of booking another', async () => {
    const board = (await h.call('GET', '/board')).json as { activation: { id: string } };
    const tasks = await h.deps.tasks.listTasks(board.activation.id);
    const planned = tasks.find((t) => t.pass === 'spreader' && t.state !== 'done')!;
    const road = h.city.roads.find((r) => r.id === planned.roadId)!;
    const id = await registeredCase({ service_code: 'icy-road', lat: road.latitude, long: road.longitude, description: '桥面结冰' });
    const res = await h.call('POST', `/citizen/cases/${id}/dispatch`, { headers: { 'Idempotency-Key': `d2-${id}` } });
    expect(res.json).toMatchObject({ outcome: 'dispatched', joined: true, task: { code: planned.code } });
    expect((await h.deps.tasks.listTasks(board.activation.id)).length).toBe(tasks.length);
  });

  it('leaves the crew\'s task exactly as it was, and texts no one, when a case joins it: joining never changes the task', async () => {
    const board = (await h.call('GET', '/board')).json as { activation: { id: string } };
    const before = (await h.deps.tasks.listTasks(board.activation.id)).find((t) => t.pass === 'spreader' && t.state !== 'done')!;
    const road = h.city.roads.find((r) => r.id === before.roadId)!;
    const id = await registeredCase({ service_code: 'icy-road', lat: road.latitude, long: road.longitude, description: '匝道结冰' });
    const sentBefore = h.deps.sms.sent.length;

    const res = await h.call('POST', `/citizen/cases/${id}/dispatch`, { headers: { 'Idempotency-Key': `d4-${id}` } });

    expect(res.json).toMatchObject({ outcome: 'dispatched', joined: true, task: { code: before.code } });
    expect((await h.deps.tasks.listTasks(board.activation.id)).find((t) => t.id === before.id)).toEqual(before);
    expect(h.deps.sms.sent.slice(sentBefore)).toEqual([]);
  });

  it('refuses to dispatch a case that is not registered', async () => {
    const filed = await h.call('POST', '/open311/v2/requests.json', { as: 'none', ...form({ service_code: 'other', lat: 35.23, long: 113.22, description: 'x', api_key: await reporterPass(h) }) });
    const res = await h.call('POST', `/citizen/cases/${filed.json[0].service_request_id}/dispatch`, { headers: { 'Idempotency-Key': 'd3' } });
    expect(res.status).toBe(409);
  });
});
