import { afterEach, describe, expect, it } from 'vitest';
import { resumeStandDown } from '../../../functions/core/activation/resumeStandDown.ts';
import { standDown } from '../../../functions/core/activation/standDown.ts';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import { sweepEscalations } from '../../../functions/core/escalation/sweepEscalations.ts';
import type { DispatchRequests } from '../../../functions/core/ports/DispatchRequests.ts';
import { memoryApiHarness } from '../../support/apiHarness.ts';
import { CREWS, messagingWorld, type MessagingWorld } from '../../support/messagingWorld.ts';
import { countingWholeActivationReads } from '../../support/wholeActivationReads.ts';

let world: MessagingWorld | undefined;
afterEach(async () => world?.close());

const [C01, C02, C03] = CREWS as [typeof CREWS[0], typeof CREWS[0], typeof CREWS[0]];
const STAND_DOWN = { actor: 'officer-a', reason: 'snow over' };

function withInlineDispatch(w: MessagingWorld) {
  return { ...w.deps, dispatch: new InlineDispatch(w.deps) };
}

describe('crews already sent out are told when their tasks are cancelled (local SNS endpoint, in-memory twins)', () => {
  it('a stand-down texts each crew sent out once, naming its tasks, in the leader\'s language', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1', 'R2'] }, { crewId: 'C02', roadIds: ['R3'] }]);
    await dispatchWave(world.deps, activation.id);

    const result = await standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });

    expect(world.smsTo(C01.leader.phone).slice(1)).toEqual(['【扫雪】T01 人民路、T02 解放路已取消，无需执行，请收车回场。']);
    expect(world.smsTo(C02.leader.phone).slice(1)).toEqual(['【扫雪】SNOW: T03 塔南路 cancelled, no action needed. Return to depot.']);
    expect(result.dispatch).toMatchObject({ mode: 'sent', cancellationNotices: 2 });
  });

  it('a later dispatch of the same activation tells nobody twice', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    await standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });

    await Promise.all([dispatchWave(world.deps, activation.id), dispatchWave(world.deps, activation.id)]);

    expect(world.smsTo(C01.leader.phone)).toHaveLength(2);
  });

  it('tasks cancelled before their tasking went out are not mentioned to anyone', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }, { crewId: 'C03', roadIds: ['R2'] }]);

    const result = await standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });

    expect(world.sns.published).toEqual([]);
    expect(result.dispatch).toMatchObject({ cancellationNotices: 0 });
  });

  it('the backup who was handed the tasking is told as well as the leader', async () => {
    world = await messagingWorld({ sns: { optedOut: [C01.leader.phone] } });
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);

    await standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });

    expect(world.smsTo(C01.backup.phone).at(-1)).toBe('【扫雪】T01 人民路已取消，无需执行，请收车回场。');
    const notices = (await world.smsRecords.listMessages(activation.id)).filter((m) => m.id.includes('#cancelled#'));
    expect(notices.map((m) => [m.recipient, m.state]).sort()).toEqual([['backup', 'sent'], ['leader', 'failed']]);
  });

  it('a run that died between the leader\'s notice and the backup\'s leaves the backup to its repeat, and records one notice each', async () => {
    world = await messagingWorld({ sns: { optedOut: [C01.leader.phone] } });
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    const ops = world.deps.smsRecords;
    // The leader's notice is recorded, then the invocation dies before it learns so.
    const dying = Object.assign(Object.create(Object.getPrototypeOf(ops)), ops, {
      completeMessage: async (m: Parameters<typeof ops.completeMessage>[0]) => {
        await ops.completeMessage(m);
        if (m.id.includes('#cancelled#')) throw new Error('Lambda timed out');
        return true;
      },
    });
    const dyingDeps = { ...world.deps, smsRecords: dying };
    await expect(standDown({ ...dyingDeps, dispatch: new InlineDispatch(dyingDeps) }, { activationId: activation.id, ...STAND_DOWN })).rejects.toThrow('Lambda timed out');

    await standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });

    const notices = (await world.smsRecords.listMessages(activation.id)).filter((m) => m.id.includes('#cancelled#'));
    expect(notices.map((m) => m.recipient).sort()).toEqual(['backup', 'leader']);
    expect(world.smsTo(C01.backup.phone).at(-1)).toBe('【扫雪】T01 人民路已取消，无需执行，请收车回场。');
  });

  it('a notice claimed by a run that died before sending it is sent by the repeat, once', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    const ops = world.deps.smsRecords;
    const dying = Object.assign(Object.create(Object.getPrototypeOf(ops)), ops, {
      claimMessage: async (m: Parameters<typeof ops.claimMessage>[0]) => {
        const claimed = await ops.claimMessage(m);
        if (m.id.includes('#cancelled#')) throw new Error('Lambda timed out');
        return claimed;
      },
    });
    const dyingDeps = { ...world.deps, smsRecords: dying };
    await expect(standDown({ ...dyingDeps, dispatch: new InlineDispatch(dyingDeps) }, { activationId: activation.id, ...STAND_DOWN })).rejects.toThrow('Lambda timed out');

    await standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });
    await dispatchWave(world.deps, activation.id);

    expect(world.smsTo(C01.leader.phone).slice(1)).toEqual(['【扫雪】T01 人民路已取消，无需执行，请收车回场。']);
  });

  it('a stand-down whose run died before handing the activation to dispatch leaves it closed with its tasks open, and its repeat cancels them and tells the crews once', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    const dying: DispatchRequests = { request: async () => { throw new Error('Lambda timed out'); } };
    await expect(standDown({ ...world.deps, dispatch: dying }, { activationId: activation.id, ...STAND_DOWN })).rejects.toThrow('Lambda timed out');
    const left = { status: (await world.activations.getActivation(activation.id))?.status, states: (await world.tasks.listTasks(activation.id)).map((t) => t.state) };

    const again = await standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });

    expect(left).toEqual({ status: 'stood-down', states: ['dispatched'] });
    expect({ status: again.activation.status, cancelled: again.dispatch.mode === 'sent' ? again.dispatch.cancelledTasks : 'queued', states: (await world.tasks.listTasks(activation.id)).map((t) => t.state) })
      .toEqual({ status: 'stood-down', cancelled: ['T01'], states: ['cancelled'] });
    expect(world.smsTo(C01.leader.phone).slice(1)).toEqual(['【扫雪】T01 人民路已取消，无需执行，请收车回场。']);
  });

  it('the poller finishes a stand-down whose hand-over to dispatch was lost, and a finished one is not done again', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    const dying: DispatchRequests = { request: async () => { throw new Error('Lambda timed out'); } };
    await expect(standDown({ ...world.deps, dispatch: dying }, { activationId: activation.id, ...STAND_DOWN })).rejects.toThrow('Lambda timed out');

    const resumed = await resumeStandDown(withInlineDispatch(world));
    const second = await resumeStandDown(withInlineDispatch(world));

    expect({ resumed: resumed?.mode === 'sent' ? resumed.cancelledTasks : resumed, second }).toEqual({ resumed: ['T01'], second: undefined });
    expect(world.smsTo(C01.leader.phone).slice(1)).toEqual(['【扫雪】T01 人民路已取消，无需执行，请收车回场。']);
    await expect(standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN })).rejects.toThrow('already stood down');
  });

  it('a stand-down answers before the cancellations when dispatch is queued: the activation is closed, its tasks left to the dispatcher', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1', 'R2'] }, { crewId: 'C02', roadIds: ['R3'] }]);
    await dispatchWave(world.deps, activation.id);
    const queued: string[] = [];
    const queue: DispatchRequests = { request: async (r) => { queued.push(r.activationId); return { mode: 'queued' }; } };

    const result = await standDown({ ...world.deps, dispatch: queue }, { activationId: activation.id, ...STAND_DOWN });
    const states = (await world.tasks.listTasks(activation.id)).map((t) => t.state);
    const done = await dispatchWave(world.deps, activation.id);

    expect({ status: result.activation.status, queued, states }).toEqual({ status: 'stood-down', queued: [activation.id], states: ['dispatched', 'dispatched', 'dispatched'] });
    expect({ cancelled: done.cancelledTasks, busy: (await world.deps.bookings.listBusy()).crewIds.size, notices: done.cancellationNotices }).toEqual({ cancelled: ['T01', 'T02', 'T03'], busy: 0, notices: 2 });
  });

  it('the escalator\'s sweep tells a crew whose tasking it closes over cancelled tasks, when no dispatch did (a race lost)', async () => {
    world = await messagingWorld();
    const { activation, tasks } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    // Cancelled and closed with no dispatch request after (the tasking went out after the stand-down's notices).
    await world.tasks.transitionTask({ ...tasks[0]!, state: 'dispatched' }, 'dispatched', 'cancelled', world.clock.now().toISOString());
    await world.activations.closeActivation(activation.id, { closedAt: world.clock.now().toISOString(), closedBy: 'officer-a', closeReason: 'snow over' });
    world.clock.advance(60);

    await sweepEscalations(world.deps);
    await sweepEscalations(world.deps);

    expect(world.smsTo(C01.leader.phone).slice(1)).toEqual(['【扫雪】T01 人民路已取消，无需执行，请收车回场。']);
  });

  it('the sweep\'s notice reads only the crews it closes: their cases, tasks and notices, never the activation\'s whole lists', async () => {
    world = await messagingWorld();
    const { activation, tasks } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }, { crewId: 'C02', roadIds: ['R3'] }]);
    await dispatchWave(world.deps, activation.id);
    const c01 = tasks.find((t) => t.crewId === 'C01')!;
    await world.tasks.transitionTask({ ...c01, state: 'dispatched' }, 'dispatched', 'cancelled', world.clock.now().toISOString());
    await world.activations.closeActivation(activation.id, { closedAt: world.clock.now().toISOString(), closedBy: 'officer-a', closeReason: 'snow over' });
    world.clock.advance(60);
    const counting = countingWholeActivationReads(world.deps);

    await sweepEscalations(counting.deps);

    expect(counting.reads).toEqual([]);
    expect(world.smsTo(C01.leader.phone).slice(1)).toEqual(['【扫雪】T01 人民路已取消，无需执行，请收车回场。']);
  });

  it('each notice is logged as an SMS sent with the codes it names', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1', 'R2'] }]);
    await dispatchWave(world.deps, activation.id);

    await standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });

    const sent = (await world.deps.log.list(activation.id)).filter((e) => e.action === 'sms.sent' && e.subject?.includes('#cancelled#'));
    expect(sent.map((e) => e.details)).toEqual([expect.objectContaining({ recipient: 'leader', tasks: ['T01', 'T02'], to: '+86 139****0101' })]);
  });
});

describe('POST /activations/{id}/downgrade tells the crews whose roads left the scope', () => {
  it('texts only crews with a cancelled task, naming just those tasks', async () => {
    const h = await memoryApiHarness();
    const opened = await h.call('POST', '/activations', { body: { level: 'I', reason: 'red blizzard warning' } });
    const activationId = opened.json.activation.id as string;
    const sentBefore = h.deps.sms.sent.length;

    const res = await h.call('POST', `/activations/${activationId}/downgrade`, { body: { level: 'IV', reason: 'snow easing' } });

    const tasks = await h.deps.tasks.listTasks(activationId);
    const cancelledCrews = [...new Set(tasks.filter((t) => t.state === 'cancelled').map((t) => t.crewId))];
    const notices = h.deps.sms.sent.slice(sentBefore).filter((m) => m.idempotencyKey.includes('#cancelled#') && m.idempotencyKey.includes('#leader#'));
    expect(cancelledCrews.length).toBeGreaterThan(0);
    expect(notices.map((m) => m.to).sort()).toEqual(cancelledCrews.map((id) => h.city.crews.find((c) => c.id === id)!.leader.phone).sort());
    // Every task was sent at activation, so the notices name exactly the cancelled ones.
    expect(notices.flatMap((m) => m.body.match(/T\d+/g) ?? []).sort()).toEqual(tasks.filter((t) => t.state === 'cancelled').map((t) => t.code).sort());
    expect(res.json.dispatch).toMatchObject({ mode: 'sent', cancellationNotices: cancelledCrews.length });
  });
});
