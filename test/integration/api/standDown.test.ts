import { describe, expect, it } from 'vitest';
import { OPEN_TASK_STATES } from '../../../functions/core/operations/Task.ts';
import { memoryApiHarness } from '../../support/apiHarness.ts';

const REASON = 'snow stopped; forecasters agree, patrols continue';

async function opened() {
  const h = await memoryApiHarness();
  const res = await h.call('POST', '/activations', { body: { level: 'II', reason: 'CMA orange blizzard warning' } });
  return { ...h, activationId: res.json.activation.id as string };
}

describe('POST /activations/{id}/stand-down', () => {
  it('cancels every open task, frees crews and vehicles, closes the activation and clears the open pointer', async () => {
    const h = await opened();
    const res = await h.call('POST', `/activations/${h.activationId}/stand-down`, { body: { reason: REASON } });
    expect(res.status).toBe(200);
    expect(res.json.activation).toMatchObject({ status: 'stood-down', closedBy: 'officer-demo', closeReason: REASON });
    const tasks = await h.deps.tasks.listTasks(h.activationId);
    expect(tasks.filter((t) => OPEN_TASK_STATES.includes(t.state))).toEqual([]);
    expect(res.json.cancelledTasks).toHaveLength(tasks.length);
    const busy = await h.deps.bookings.listBusy();
    expect([busy.crewIds.size, busy.vehicleIds.size]).toEqual([0, 0]);
    expect(await h.deps.activations.getOpenActivation()).toBeUndefined();
  });

  it('logs who stood down and why', async () => {
    const h = await opened();
    await h.call('POST', `/activations/${h.activationId}/stand-down`, { body: { reason: REASON } });
    const log = await h.deps.log.list(h.activationId);
    expect(log.find((e) => e.action === 'activation.stood-down')).toMatchObject({ actor: 'officer-demo', reason: REASON, subject: `activation:${h.activationId}` });
    expect(log.find((e) => e.action === 'tasks.cancelled')).toMatchObject({ actor: 'officer-demo', reason: `stand-down: ${REASON}` });
  });

  it('answers 409 the second time, saying when and by whom it was stood down', async () => {
    const h = await opened();
    await h.call('POST', `/activations/${h.activationId}/stand-down`, { body: { reason: REASON } });
    const again = await h.call('POST', `/activations/${h.activationId}/stand-down`, { body: { reason: REASON } });
    expect(again.status).toBe(409);
    expect(again.json.detail).toContain('already stood down');
    expect(again.json.closedBy).toBe('officer-demo');
  });

  it('stands down once when two officers press at the same moment', async () => {
    const h = await opened();
    const answers = await Promise.all([1, 2].map(() => h.call('POST', `/activations/${h.activationId}/stand-down`, { body: { reason: REASON } })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await h.deps.log.list(h.activationId)).filter((e) => e.action === 'activation.stood-down')).toHaveLength(1);
  });

  it('lets another activation open once stood down', async () => {
    const h = await opened();
    await h.call('POST', `/activations/${h.activationId}/stand-down`, { body: { reason: REASON } });
    const next = await h.call('POST', '/activations', { body: { level: 'IV', reason: 'second band of snow' } });
    expect(next.status).toBe(202);
  });

  it('stands down the open activation when addressed as "current"', async () => {
    const h = await opened();
    const res = await h.call('POST', '/activations/current/stand-down', { body: { reason: REASON } });
    expect(res.json.activation.id).toBe(h.activationId);
  });

  it('answers 404 for an activation that does not exist', async () => {
    const h = await memoryApiHarness();
    const res = await h.call('POST', '/activations/act-nope/stand-down', { body: { reason: REASON } });
    expect(res.status).toBe(404);
    expect(res.json.detail).toContain('act-nope');
  });

  it.each([['manager', 403], ['admin', 403], ['nobody', 403], ['none', 401]] as const)('refuses %s with %i and leaves the activation open', async (as, status) => {
    const h = await opened();
    const res = await h.call('POST', `/activations/${h.activationId}/stand-down`, { as, body: { reason: REASON } });
    expect(res.status).toBe(status);
    expect((await h.deps.activations.getOpenActivation())?.id).toBe(h.activationId);
  });

  it.each([
    ['a missing reason', {}, 'reason'],
    ['an empty reason', { reason: '' }, 'reason'],
    ['a reason of the wrong type', { reason: 42 }, 'reason'],
    ['an oversize reason', { reason: 'x'.repeat(600) }, 'reason'],
  ])('answers 400 for %s', async (_n, body, field) => {
    const h = await memoryApiHarness();
    const res = await h.call('POST', '/activations/act-any/stand-down', { body });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].field).toBe(field);
  });
});
