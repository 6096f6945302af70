import { describe, expect, it } from 'vitest';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import { activationAcceptedSchema } from '../../../functions/handlers/api/routes/activate.ts';
import { problemSchema } from '../../../functions/handlers/api/schemas/problem.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

const HOUR_MS = 3_600_000;
const VALID = { reason: 'blizzard forecast for tonight: pre-treat' };

/** The demo city's jiefang zone on watch for level II, snow 14 h ahead. */
async function onWatch(h: MemoryApiHarness): Promise<string> {
  const at = h.clock.now().toISOString();
  const snowAt = new Date(h.clock.now().getTime() + 14 * HOUR_MS).toISOString();
  for (const s of await h.deps.zoneStates.getZoneStates()) await h.deps.zoneStates.putZoneState({ ...s, watch: false, watchLevel: 'none' });
  await h.deps.zoneStates.putZoneState({
    zoneId: 'jiefang', level: 'none', provider: 'open-meteo', lastSuccessAt: at, lastPollAt: at, lastError: null, watch: true, watchLevel: 'II',
    evidence: [{ rule: 'blizzard-6h', level: 'II', provider: 'open-meteo', value: 12.9, threshold: 10, unit: 'mm', windowHours: 6, from: snowAt, to: new Date(Date.parse(snowAt) + 6 * HOUR_MS).toISOString(), gapHours: 0, startsAt: snowAt, watch: true }],
  });
  return snowAt;
}

describe('POST /pretreatment (the API over the in-memory twins)', () => {
  it('answers 202 with the activation opened for pre-treatment, then books spreaders and texts their leaders', async () => {
    const h = await memoryApiHarness();
    const snowAt = await onWatch(h);
    const res = await h.call('POST', '/pretreatment', { body: VALID, headers: { 'Idempotency-Key': 'pretreat-1' } });
    await h.settled();
    const accepted = activationAcceptedSchema.parse(res.json).activation as Activation;
    const tasks = await h.deps.tasks.listTasks(accepted.id);
    expect({ status: res.status, location: res.headers.location }).toEqual({ status: 202, location: `/activations/${accepted.id}` });
    expect(accepted.preTreatment).toEqual({ wave: 1, zoneLevels: { jiefang: 'II' }, snowAt, stagingAt: new Date(Date.parse(snowAt) - HOUR_MS).toISOString() });
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.pass === 'spreader' && t.zoneId === 'jiefang' && t.tier === 1 && t.state === 'dispatched')).toBe(true);
    expect(h.deps.sms.sent).toHaveLength(new Set(tasks.map((t) => t.crewId)).size);
  });

  it('answers 409 when no zone is on watch, opening nothing', async () => {
    const h = await memoryApiHarness();
    const res = await h.call('POST', '/pretreatment', { body: VALID });
    expect({ status: res.status, detail: problemSchema.parse(res.json).detail }).toEqual({ status: 409, detail: 'no zone is on watch (snow forecast beyond the lead time): there is nothing to pre-treat' });
    expect(await h.deps.activations.getOpenActivation()).toBeUndefined();
  });

  it('answers 400 naming the reason when it is missing', async () => {
    const h = await memoryApiHarness();
    await onWatch(h);
    const res = await h.call('POST', '/pretreatment', { body: {} });
    expect({ status: res.status, fields: res.json.errors.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['reason'] });
  });

  it('refuses a manager with 403', async () => {
    const h = await memoryApiHarness();
    await onWatch(h);
    const res = await h.call('POST', '/pretreatment', { as: 'manager', body: VALID });
    expect(res.status).toBe(403);
    expect(await h.deps.activations.getOpenActivation()).toBeUndefined();
  });
});
