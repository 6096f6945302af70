import { beforeAll, describe, expect, it } from 'vitest';
import { loggedEntrySchema } from '../../../functions/handlers/api/schemas/logEntry.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

describe('GET /logs/{stream}', () => {
  let h: MemoryApiHarness;
  let activationId: string;
  let all: { id: string; at: string }[];
  beforeAll(async () => {
    h = await memoryApiHarness();
    activationId = (await h.call('POST', '/activations', { body: { level: 'II', reason: 'CMA orange blizzard warning' } })).json.activation.id;
    h.clock.advance(7);
    await handleReply(h.deps, { inboundMessageId: 'in-1', from: h.deps.sms.sent[0]!.to, body: '1' });
    await h.deps.log.append({ activationId, at: h.clock.now().toISOString(), actor: 'officer-demo', action: 'note', details: { text: `called the backup on ${h.city.crews[0]!.backup.phone}` } });
    all = (await h.call('GET', `/logs/${activationId}?limit=500`, { as: 'manager' })).json.entries;
  });

  it('answers the whole log in time order, every entry with time, actor, action and details', async () => {
    expect(all.length).toBe((await h.deps.log.list(activationId)).length);
    for (const e of all) loggedEntrySchema.parse(e);
    expect([...all].sort((a, b) => a.id.localeCompare(b.id))).toEqual(all);
  });

  it('pages through the log with limit and cursor, losing and repeating nothing', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await h.call('GET', `/logs/${activationId}?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { as: 'manager' });
      expect(res.json.entries.length).toBeLessThanOrEqual(7);
      seen.push(...res.json.entries.map((e: { id: string }) => e.id));
      cursor = res.json.next;
      pages++;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(pages).toBe(Math.ceil(all.length / 7));
  });

  it('keeps only entries in [from, to)', async () => {
    const from = all[0]!.at;
    const to = new Date(Date.parse(from) + 5 * 60_000).toISOString();
    const res = await h.call('GET', `/logs/${activationId}?from=${from}&to=${to}`);
    expect(res.json.entries.length).toBe(all.filter((e) => e.at >= from && e.at < to).length);
    expect(res.json.entries.length).toBeLessThan(all.length);
  });

  it('masks every phone number, the leader who replied and one written into a note alike', async () => {
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/\+86\d{11}/);
    expect(all.some((e) => /^\+86 \d{3}\*{4}\d{4}$/.test((e as unknown as { actor: string }).actor))).toBe(true);
    expect(text).toContain(`+86 ${h.city.crews[0]!.backup.phone.slice(3, 6)}****`);
  });

  it('reads "current" as the open activation', async () => {
    const res = await h.call('GET', '/logs/current?limit=1');
    expect(res.json.stream).toBe(activationId);
  });

  it('reads the system stream', async () => {
    await h.deps.log.append({ activationId: 'system', at: h.clock.now().toISOString(), actor: 'poller', action: 'forecast.failed', subject: 'zone:macun', details: { provider: 'open-meteo' }, reason: 'HTTP 503' });
    const res = await h.call('GET', '/logs/system', { as: 'manager' });
    expect(res.json.entries.map((e: { action: string }) => e.action)).toContain('forecast.failed');
  });

  it('answers 400 for a cursor it did not hand out', async () => {
    const res = await h.call('GET', `/logs/${activationId}?cursor=not-a-cursor`);
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({ in: 'query', field: 'cursor' });
  });

  it('answers 400 for a cursor of another stream', async () => {
    const page = await h.call('GET', `/logs/${activationId}?limit=1`);
    const res = await h.call('GET', `/logs/system?cursor=${encodeURIComponent(page.json.next)}`);
    expect(res.status).toBe(400);
  });

  it.each([['limit=0', 'limit'], ['limit=abc', 'limit'], ['from=yesterday', 'from']])('answers 400 for %s', async (query, field) => {
    const res = await h.call('GET', `/logs/${activationId}?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toBe(field);
  });

  it.each(['officer', 'manager', 'admin'] as const)('lets %s read it', async (as) => {
    expect((await h.call('GET', `/logs/${activationId}?limit=1`, { as })).status).toBe(200);
  });

  it('refuses a token in no group with 403', async () => {
    expect((await h.call('GET', `/logs/${activationId}`, { as: 'nobody' })).status).toBe(403);
  });
});
