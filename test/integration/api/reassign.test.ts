import { beforeAll, describe, expect, it } from 'vitest';
import { groupByCrew } from '../../../functions/core/dispatch/groupByCrew.ts';
import { OPEN_TASK_STATES, type Task } from '../../../functions/core/operations/Task.ts';
import type { EquipmentClass } from '../../../functions/core/registry/EquipmentClass.ts';
import { reassignResultSchema } from '../../../functions/handlers/api/routes/reassign.ts';
import { startApiServer } from '../../../local/api/startApiServer.ts';
import { memoryApiHarness } from '../../support/apiHarness.ts';
import { snowopsInProcess as snowops } from '../../support/snowopsCli.ts';

const REASON = '豫H铲001 液压故障';

/**
 * The demo city's plan at II books every plough crew (the planner is deterministic: it does so on every machine),
 * and these tests need a free plough crew and vehicle to move work to: the smallest plough team's tasks are
 * cancelled, as a downgrade would.
 */
async function freeOnePloughTeam(h: Awaited<ReturnType<typeof memoryApiHarness>>, activationId: string): Promise<void> {
  const open = (await h.deps.tasks.listTasks(activationId)).filter((t) => t.pass === 'plough' && OPEN_TASK_STATES.includes(t.state));
  const smallest = [...groupByCrew(open).values()].sort((a, b) => a.length - b.length || a[0]!.crewId.localeCompare(b[0]!.crewId))[0]!;
  await h.deps.tasks.closeTasks(smallest, 'cancelled', h.deps.clock.now().toISOString());
}

/** The demo city activated at II, with what is booked and what is free. */
async function openedAtII() {
  const h = await memoryApiHarness();
  const res = await h.call('POST', '/activations', { body: { level: 'II', reason: 'CMA orange blizzard warning' } });
  const activationId = res.json.activation.id as string;
  await freeOnePloughTeam(h, activationId);
  const tasks = (await h.deps.tasks.listTasks(activationId)).filter((t) => OPEN_TASK_STATES.includes(t.state));
  const busy = await h.deps.bookings.listBusy();
  const freeCrew = (certified: EquipmentClass) => h.city.crews.find((c) => !busy.crewIds.has(c.id) && c.certified.includes(certified));
  const freeVehicle = (cls: EquipmentClass) => h.city.vehicles.find((v) => !busy.vehicleIds.has(v.id) && v.class === cls && v.status === 'ready');
  const teamOf = (crewId: string) => tasks.filter((t) => t.crewId === crewId && OPEN_TASK_STATES.includes(t.state));
  const url = (code: string) => `/activations/${activationId}/tasks/${code}/reassign`;
  const must = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the demo city at II has no ${what}`);
    return value;
  };
  return { ...h, activationId, tasks, busy, freeCrew, freeVehicle, teamOf, url, must };
}

describe('POST /activations/{id}/tasks/{code}/reassign', () => {
  it('moves a dispatched task to a free crew and vehicle, tells both leaders and logs who and why', async () => {
    const h = await openedAtII();
    const task = h.tasks.find((t) => t.pass === 'plough')!;
    const crew = h.must(h.freeCrew('plough'), 'free plough crew');
    const vehicle = h.must(h.freeVehicle('plough'), 'free ready plough');
    const res = await h.call('POST', h.url(task.code), { body: { crewId: crew.id, vehicleId: vehicle.id, reason: REASON } });
    expect(res.status).toBe(200);
    const body = reassignResultSchema.parse(res.json);
    expect(body.task).toMatchObject({ code: task.code, crewId: crew.id, vehicleId: vehicle.id, vehicleLabel: vehicle.label, state: 'dispatched' });
    expect(body.replaced).toEqual({ crewId: task.crewId, vehicleId: task.vehicleId, vehicleLabel: task.vehicleLabel, state: 'dispatched' });
    expect(body.dispatch.notified.sort()).toEqual(['new-leader', 'old-leader']);
    const stored = (await h.deps.tasks.listTasks(h.activationId)).find((t) => t.id === task.id)!;
    expect([stored.crewId, stored.vehicleId]).toEqual([crew.id, vehicle.id]);
    expect(h.deps.sms.sent.at(-2)).toMatchObject({ to: crew.leader.phone, body: expect.stringContaining(task.code) });
    const entry = (await h.deps.log.list(h.activationId)).find((e) => e.action === 'task.reassigned')!;
    expect([entry.actor, entry.reason, entry.subject]).toEqual(['officer-demo', REASON, `task:${task.code}`]);
    expect((await h.deps.bookings.listBusy()).crewIds.has(crew.id)).toBe(true);
  });

  it('changes only the vehicle when no crew is named', async () => {
    const h = await openedAtII();
    // A plough team down to one open task (the rest cancelled, as a downgrade would): only such a team may swap its vehicle.
    const [single, ...rest] = h.teamOf(h.tasks.find((t) => t.pass === 'plough')!.crewId);
    await h.deps.tasks.closeTasks(rest, 'cancelled', h.deps.clock.now().toISOString());
    const vehicle = h.must(h.freeVehicle('plough'), 'free ready plough');
    const res = await h.call('POST', h.url(single!.code), { body: { vehicleId: vehicle.id, reason: 'vehicle swap' } });
    expect(res.status).toBe(200);
    expect(res.json.task).toMatchObject({ crewId: single!.crewId, vehicleId: vehicle.id });
    expect(res.json.replaced.vehicleId).toBe(single!.vehicleId);
  });

  it('hands the task to another team with its own vehicle when only the crew is named', async () => {
    const h = await openedAtII();
    const [from, to] = [...new Set(h.tasks.filter((t) => t.pass === 'plough').map((t) => t.crewId))];
    const task = h.teamOf(from!)[0]!;
    const res = await h.call('POST', h.url(task.code), { body: { crewId: to, reason: 'balance the load' } });
    expect(res.status).toBe(200);
    expect(res.json.task).toMatchObject({ crewId: to, vehicleId: h.teamOf(to!)[0]!.vehicleId, sequence: Math.max(...h.teamOf(to!).map((t) => t.sequence)) + 1 });
  });

  it('answers 409 for a task that is done, moving nothing', async () => {
    const h = await openedAtII();
    const task = h.tasks.find((t) => t.pass === 'plough')!;
    await h.deps.tasks.transitionTask(task, 'dispatched', 'done', '2026-12-14T01:00:00.000Z');
    const crew = h.must(h.freeCrew(task.pass), `free ${task.pass} crew`);
    const res = await h.call('POST', h.url(task.code), { body: { crewId: crew.id, vehicleId: h.freeVehicle(task.pass)?.id ?? task.vehicleId, reason: REASON } });
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('is done');
  });

  it('answers 409 once the activation is stood down', async () => {
    const h = await openedAtII();
    await h.call('POST', `/activations/${h.activationId}/stand-down`, { body: { reason: 'storm over' } });
    const res = await h.call('POST', h.url(h.tasks[0]!.code), { body: { vehicleId: 'V01', reason: REASON } });
    expect(res.status).toBe(409);
  });

  it('moves once for a double click with the same Idempotency-Key, texting the new leader once', async () => {
    const h = await openedAtII();
    const task = h.tasks.find((t) => t.pass === 'plough')!;
    const body = { crewId: h.must(h.freeCrew('plough'), 'free plough crew').id, vehicleId: h.must(h.freeVehicle('plough'), 'free plough').id, reason: REASON };
    const headers = { 'Idempotency-Key': 'move-t01' };
    const before = h.deps.sms.sent.length;
    const first = await h.call('POST', h.url(task.code), { body, headers });
    const second = await h.call('POST', h.url(task.code), { body, headers });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(h.deps.sms.sent.length - before).toBe(first.json.dispatch.notified.length);
  });

  describe('refusals, on one activation at II', () => {
    let h: Awaited<ReturnType<typeof openedAtII>>;
    let before: Task[];
    beforeAll(async () => {
      h = await openedAtII();
      before = await h.deps.tasks.listTasks(h.activationId);
    });

    const plough = () => h.tasks.find((t) => t.pass === 'plough')!;

    it.each([
      ['an unknown task', () => ({ code: 'T99', body: { vehicleId: 'V01', reason: REASON } }), 'no task T99'],
      ['an unknown crew', () => ({ code: plough().code, body: { crewId: 'C99', reason: REASON } }), 'no crew C99'],
      ['an unknown vehicle', () => ({ code: plough().code, body: { crewId: h.freeCrew('plough')!.id, vehicleId: 'V99', reason: REASON } }), 'no vehicle V99'],
    ])('answers 404 for %s', async (_n, make, detail) => {
      const { code, body } = make();
      const res = await h.call('POST', h.url(code), { body });
      expect(res.status).toBe(404);
      expect(res.json.detail).toContain(detail);
    });

    it('answers 404 for an activation that does not exist', async () => {
      const res = await h.call('POST', '/activations/act-nope/tasks/T01/reassign', { body: { vehicleId: 'V01', reason: REASON } });
      expect(res.status).toBe(404);
    });

    it('answers 409 for a crew busy with another vehicle', async () => {
      const task = plough();
      const busyCrew = h.tasks.find((t) => t.pass === 'plough' && t.crewId !== task.crewId)!.crewId;
      const res = await h.call('POST', h.url(task.code), { body: { crewId: busyCrew, vehicleId: h.freeVehicle('plough')!.id, reason: REASON } });
      expect(res.status).toBe(409);
      expect(res.json.detail).toContain(busyCrew);
    });

    it.each([
      ['a crew not certified for the pass', () => {
        const crew = h.freeCrew('plough')!;
        const task = h.tasks.find((t) => !crew.certified.includes(t.pass) && h.freeVehicle(t.pass))!;
        return { code: task.code, body: { crewId: crew.id, vehicleId: h.freeVehicle(task.pass)!.id, reason: REASON }, detail: 'is not certified for' };
      }],
      ['a vehicle of the wrong class', () => {
        const loader = h.city.vehicles.find((v) => v.class === 'loader' && v.status === 'ready' && !h.busy.vehicleIds.has(v.id))!;
        return { code: plough().code, body: { crewId: h.freeCrew('plough')!.id, vehicleId: loader.id, reason: REASON }, detail: 'needs a plough' };
      }],
      ['a vehicle in maintenance', () => {
        const broken = h.city.vehicles.find((v) => v.class === 'plough' && v.status === 'maintenance')!;
        return { code: plough().code, body: { crewId: h.freeCrew('plough')!.id, vehicleId: broken.id, reason: REASON }, detail: 'is maintenance' };
      }],
    ])('answers 422 for %s', async (_n, make) => {
      const { code, body, detail } = make();
      const res = await h.call('POST', h.url(code), { body });
      expect(res.status).toBe(422);
      expect(res.json.type).toBe('urn:snowops:problem:rule-violation');
      expect(res.json.detail).toContain(detail);
    });

    it.each([
      ['neither crew nor vehicle', { reason: REASON }, 'crewId'],
      ['an empty reason', { vehicleId: 'V01', reason: ' ' }, 'reason'],
      ['a missing reason', { vehicleId: 'V01' }, 'reason'],
      ['a crew id of the wrong type', { crewId: 11, reason: REASON }, 'crewId'],
      ['an unknown field', { vehicleId: 'V01', reason: REASON, urgent: true }, 'urgent'],
    ])('answers 400 for %s', async (_n, body, field) => {
      const res = await h.call('POST', h.url('T01'), { body });
      expect(res.status).toBe(400);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 400 for a task code that is not one', async () => {
      const res = await h.call('POST', `/activations/${h.activationId}/tasks/T-1%3B/reassign`, { body: { vehicleId: 'V01', reason: REASON } });
      expect(res.status).toBe(400);
      expect(res.json.errors[0]).toMatchObject({ in: 'path', field: 'taskCode' });
    });

    it.each([['manager', 403], ['admin', 403], ['nobody', 403], ['none', 401]] as const)('refuses %s with %i', async (as, status) => {
      const res = await h.call('POST', h.url(plough().code), { as, body: { crewId: h.freeCrew('plough')!.id, vehicleId: h.freeVehicle('plough')!.id, reason: REASON } });
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('application/problem+json');
    });

    it('moved nothing and logged each refusal that reached the rules', async () => {
      expect(await h.deps.tasks.listTasks(h.activationId)).toEqual(before);
      const refused = (await h.deps.log.list(h.activationId)).filter((e) => e.action === 'task.reassign-refused');
      expect(refused.length).toBeGreaterThanOrEqual(7);
      expect(refused.every((e) => e.actor === 'officer-demo')).toBe(true);
    });
  });

  it('says what `snowops reassign` moved, and wants a crew or a vehicle', async () => {
    const h = await openedAtII();
    const server = await startApiServer(h.api.handler, { port: 0 });
    try {
      const task = h.tasks.find((t) => t.pass === 'plough')!;
      const crew = h.must(h.freeCrew('plough'), 'free plough crew');
      const vehicle = h.must(h.freeVehicle('plough'), 'free plough');
      const moved = await snowops(['reassign', task.code, '--crew', crew.id, '--vehicle', vehicle.id, '--reason', REASON, '--api', server.url, '--token', h.tokens.officer]);
      expect(moved.code).toBe(0);
      expect(moved.stdout).toContain(`${task.code} (${task.roadName}, plough) moved from crew ${task.crewId} / ${task.vehicleLabel} to crew ${crew.id} / ${vehicle.label}`);
      expect(moved.stdout).toContain('SMS sent to the new leader and the old leader.');
      const usage = await snowops(['reassign', task.code, '--reason', REASON, '--api', server.url, '--token', h.tokens.officer]);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('--crew');
    } finally {
      await server.close();
    }
  });
});
