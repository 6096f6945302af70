import { beforeAll, describe, expect, it } from 'vitest';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

describe('GET /attention and POST /crews/{crewId}/messages', () => {
  let h: MemoryApiHarness;
  let leader: string;
  let crewId: string;
  beforeAll(async () => {
    h = await memoryApiHarness();
    expect((await h.call('POST', '/activations', { body: { level: 'II', reason: 'attention test: CMA orange warning' } })).status).toBe(202);
    leader = h.deps.sms.sent[0]!.to;
    crewId = h.city.crews.find((c) => c.leader.phone === leader)!.id;
    await handleReply(h.deps, { inboundMessageId: 'att-1', from: leader, body: '车坏了怎么办' });
  });

  it('lists a reply the parser could not read with its text and crew, phones masked', async () => {
    const res = await h.call('GET', '/attention', { as: 'manager' });
    expect(res.status).toBe(200);
    const reply = res.json.items.find((i: { kind: string }) => i.kind === 'unparsed-reply');
    expect(reply).toMatchObject({ text: '车坏了怎么办', crewId });
    expect(res.text).not.toContain(leader);
  });

  it('gives each item its reason as a code and parameters beside the English detail', async () => {
    const res = await h.call('GET', '/attention');
    const reply = res.json.items.find((i: { kind: string }) => i.kind === 'unparsed-reply');
    expect(reply.reasonCode).toEqual({ code: 'reply-unparsed', params: { sender: expect.any(String), helpSent: true } });
    expect(reply.detail).toMatch(/replied something the parser could not read; a help SMS went back$/);
    const short = res.json.items.find((i: { kind: string }) => i.kind === 'shortfall');
    if (short) expect(short.reasonCode).toMatchObject({ code: 'no-free-crew', params: { pass: expect.any(String), road: expect.any(String) } });
  });

  it('lists the road passes left short', async () => {
    const short = await h.deps.shortfalls.listReportedShortfalls((await h.deps.activations.getOpenActivation())!.id);
    const res = await h.call('GET', '/attention');
    expect(res.json.items.filter((i: { kind: string }) => i.kind === 'shortfall')).toHaveLength(short.size);
  });

  it('refuses an officer SMS without an Idempotency-Key, naming the header, and sends nothing', async () => {
    const before = h.deps.sms.sent.length;
    const res = await h.call('POST', `/crews/${crewId}/messages`, { body: { text: '请把车开回车场，备用车在二号库。' } });
    expect(res.status).toBe(400);
    expect(res.json.detail).toContain('Idempotency-Key');
    expect(h.deps.sms.sent.length).toBe(before);
  });

  it('sends the officer\'s SMS once for two requests with one key, shows its segments, and takes the reply off the queue', async () => {
    const before = h.deps.sms.sent.length;
    const text = '请把车开回车场，备用车在二号库。';
    const send = () => h.call('POST', `/crews/${crewId}/messages`, { body: { text }, headers: { 'Idempotency-Key': 'msg-key-1' } });
    const [first, second] = [await send(), await send()];
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ state: 'sent', segments: 1, encoding: 'UCS-2' });
    expect(second.json.messageId).toBe(first.json.messageId);
    const sent = h.deps.sms.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: leader, template: { name: 'officer.message', params: { text } } });
    // The leader the plan picked may read English or Chinese: the catalogue's prefix follows the language.
    expect([`值班员：${text}`, `Duty officer: ${text}`]).toContain(sent[0]!.body);
    const queue = await h.call('GET', '/attention');
    expect(queue.json.items.filter((i: { kind: string }) => i.kind === 'unparsed-reply')).toEqual([]);
  });

  it('refuses a manager\'s SMS with 403', async () => {
    const res = await h.call('POST', `/crews/${crewId}/messages`, { as: 'manager', body: { text: 'hello' }, headers: { 'Idempotency-Key': 'msg-key-2' } });
    expect(res.status).toBe(403);
    expect(res.json.reasonCode).toEqual({ code: 'forbidden', params: { user: expect.any(String), roles: 'manager', operation: 'sendCrewMessage', required: 'duty-officer' } });
  });
});

describe('GET /activations/{activationId}/tasks/{taskCode}/candidates', () => {
  let h: MemoryApiHarness;
  beforeAll(async () => {
    h = await memoryApiHarness();
    expect((await h.call('POST', '/activations', { body: { level: 'II', reason: 'candidates test: CMA orange warning' } })).status).toBe(202);
  });

  it('offers only crews certified for the pass with ready vehicles of its class, and a reassignment to one of them succeeds', async () => {
    const task = (await h.call('GET', '/activations/current/tasks?state=dispatched')).json.tasks[0];
    const res = await h.call('GET', `/activations/current/tasks/${task.code}/candidates`);
    expect(res.status).toBe(200);
    const vehicles = new Map(h.city.vehicles.map((v) => [v.id, v]));
    for (const crew of res.json.crews) {
      expect(h.city.crews.find((c) => c.id === crew.id)!.certified).toContain(task.pass);
      for (const v of crew.vehicles) expect(vehicles.get(v.id)).toMatchObject({ class: task.pass, status: 'ready' });
    }
    const other = res.json.crews.find((c: { id: string }) => c.id !== task.crewId);
    expect(other).toBeDefined();
    const moved = await h.call('POST', `/activations/current/tasks/${task.code}/reassign`, { body: { crewId: other.id, vehicleId: other.vehicles[0].id, reason: 'candidates test' } });
    expect(moved.json.detail ?? '').toBe('');
    expect(moved.status).toBe(200);
  });

  it('answers 404 for a task that does not exist', async () => {
    expect((await h.call('GET', '/activations/current/tasks/T999/candidates')).status).toBe(404);
  });
});
