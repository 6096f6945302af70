import { describe, expect, it } from 'vitest';
import { OPEN_TASK_STATES } from '../../../functions/core/operations/Task.ts';
import { memoryApiHarness } from '../../support/apiHarness.ts';

async function openedAtI() {
  const h = await memoryApiHarness();
  const res = await h.call('POST', '/activations', { body: { level: 'I', reason: 'CMA red blizzard warning' } });
  return { ...h, activationId: res.json.activation.id as string };
}

describe('POST /activations/{id}/downgrade', () => {
  it('lowers the level and cancels the open tasks on tiers the new level leaves out', async () => {
    const h = await openedAtI();
    const before = await h.deps.tasks.listTasks(h.activationId);
    // Level IV keeps tier 1 only in the demo plan.
    const res = await h.call('POST', `/activations/${h.activationId}/downgrade`, { body: { level: 'IV', reason: 'snowfall easing to light' } });
    expect(res.status).toBe(200);
    expect(res.json.activation.level).toBe('IV');
    expect(Object.values(res.json.activation.zoneLevels)).toEqual(['IV', 'IV', 'IV', 'IV']);
    const after = await h.deps.tasks.listTasks(h.activationId);
    expect(after.filter((t) => t.tier > 1 && OPEN_TASK_STATES.includes(t.state))).toEqual([]);
    expect(after.filter((t) => t.tier === 1).map((t) => t.state)).toEqual(before.filter((t) => t.tier === 1).map((t) => t.state));
    expect(res.json.cancelledTasks.sort()).toEqual(before.filter((t) => t.tier > 1).map((t) => t.code).sort());
  });

  it('frees the crews whose every task was cancelled', async () => {
    const h = await openedAtI();
    const res = await h.call('POST', `/activations/${h.activationId}/downgrade`, { body: { level: 'IV', reason: 'snowfall easing to light' } });
    const tasks = await h.deps.tasks.listTasks(h.activationId);
    const stillWorking = new Set(tasks.filter((t) => OPEN_TASK_STATES.includes(t.state)).map((t) => t.crewId));
    const busy = await h.deps.bookings.listBusy();
    expect([...busy.crewIds].sort()).toEqual([...stillWorking].sort());
    expect(res.json.cancelledTasks.length).toBeGreaterThan(0);
  });

  it('logs the decision with the officer, the levels and the reason', async () => {
    const h = await openedAtI();
    await h.call('POST', `/activations/${h.activationId}/downgrade`, { body: { level: 'III', reason: 'orange warning lifted' } });
    const entry = (await h.deps.log.list(h.activationId)).find((e) => e.action === 'activation.downgraded');
    expect(entry).toMatchObject({ actor: 'officer-demo', reason: 'orange warning lifted', details: expect.objectContaining({ from: 'I', to: 'III' }) });
  });

  it('answers 422 for a level that is not lower', async () => {
    const h = await openedAtI();
    const res = await h.call('POST', `/activations/${h.activationId}/downgrade`, { body: { level: 'I', reason: 'same level again' } });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].field).toBe('level');
  });

  it('answers 409 for a stood-down activation', async () => {
    const h = await openedAtI();
    await h.call('POST', `/activations/${h.activationId}/stand-down`, { body: { reason: 'storm over' } });
    const res = await h.call('POST', `/activations/${h.activationId}/downgrade`, { body: { level: 'IV', reason: 'too late' } });
    expect(res.status).toBe(409);
  });

  it.each([['manager', 403], ['admin', 403], ['none', 401]] as const)('refuses %s with %i and keeps the level', async (as, status) => {
    const h = await openedAtI();
    const res = await h.call('POST', `/activations/${h.activationId}/downgrade`, { as, body: { level: 'IV', reason: 'not theirs to decide' } });
    expect(res.status).toBe(status);
    expect((await h.deps.activations.getActivation(h.activationId))?.level).toBe('I');
  });

  it.each([
    ['an unknown level', { level: 'none', reason: 'stand down instead' }, 'level'],
    ['a missing level', { reason: 'easing' }, 'level'],
    ['an empty reason', { level: 'IV', reason: '' }, 'reason'],
  ])('answers 400 for %s', async (_n, body, field) => {
    const h = await memoryApiHarness();
    const res = await h.call('POST', '/activations/act-any/downgrade', { body });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toBe(field);
  });
});
