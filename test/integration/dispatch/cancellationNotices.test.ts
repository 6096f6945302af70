import { afterEach, describe, expect, it } from 'vitest';
import { standDown } from '../../../functions/core/activation/standDown.ts';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import { ConflictError } from '../../../functions/core/errors/ConflictError.ts';
import type { DispatchRequests } from '../../../functions/core/ports/DispatchRequests.ts';
import { apiHarness } from '../../support/apiHarness.ts';
import { CREWS, messagingWorld, type MessagingWorld } from '../../support/messagingWorld.ts';

let world: MessagingWorld | undefined;
afterEach(async () => world?.close());

const [C01, C02, C03] = CREWS as [typeof CREWS[0], typeof CREWS[0], typeof CREWS[0]];
const STAND_DOWN = { actor: 'officer-a', reason: 'snow over' };

function withInlineDispatch(w: MessagingWorld) {
  return { ...w.deps, dispatch: new InlineDispatch(w.deps) };
}

describe('crews already sent out are told when their tasks are cancelled (local SNS endpoint, DynamoDB Local)', () => {
  it('a stand-down texts each crew sent out once, naming its tasks, in the leader\'s language', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1', 'R2'] }, { crewId: 'C02', roadIds: ['R3'] }]);
    await dispatchWave(world.deps, activation.id);

    const result = await standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });

    expect(world.smsTo(C01.leader.phone).slice(1)).toEqual(['【扫雪】应急响应已解除，T01 人民路、T02 解放路取消，请收车回场。']);
    expect(world.smsTo(C02.leader.phone).slice(1)).toEqual(['SNOW stand-down: T03 塔南路 cancelled. Return to depot.']);
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

    expect(world.smsTo(C01.backup.phone).at(-1)).toBe('【扫雪】应急响应已解除，T01 人民路取消，请收车回场。');
    const notices = (await world.ops.listMessages(activation.id)).filter((m) => m.id.includes('#cancelled#'));
    expect(notices.map((m) => [m.recipient, m.state]).sort()).toEqual([['backup', 'sent'], ['leader', 'failed']]);
  });

  it('a stand-down repeated after a run that closed the activation and died before handing it on still tells the crews, once', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    const dying: DispatchRequests = { request: async () => { throw new Error('Lambda timed out'); } };
    await expect(standDown({ ...world.deps, dispatch: dying }, { activationId: activation.id, ...STAND_DOWN })).rejects.toThrow('Lambda timed out');

    const again = standDown(withInlineDispatch(world), { activationId: activation.id, ...STAND_DOWN });

    await expect(again).rejects.toBeInstanceOf(ConflictError);
    expect(world.smsTo(C01.leader.phone).slice(1)).toEqual(['【扫雪】应急响应已解除，T01 人民路取消，请收车回场。']);
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
  it('texts only crews with a cancelled task, in the "level lowered" wording, naming just those tasks', async () => {
    const h = await apiHarness();
    const opened = await h.call('POST', '/activations', { body: { level: 'I', reason: 'red blizzard warning' } });
    const activationId = opened.json.activation.id as string;
    const sentBefore = h.deps.sms.sent.length;

    const res = await h.call('POST', `/activations/${activationId}/downgrade`, { body: { level: 'IV', reason: 'snow easing' } });

    const tasks = await h.deps.ops.listTasks(activationId);
    const cancelledCrews = [...new Set(tasks.filter((t) => t.state === 'cancelled').map((t) => t.crewId))];
    const notices = h.deps.sms.sent.slice(sentBefore).filter((m) => m.idempotencyKey.includes('#cancelled#') && m.idempotencyKey.includes('#leader#'));
    expect(cancelledCrews.length).toBeGreaterThan(0);
    expect(notices.map((m) => m.to).sort()).toEqual(cancelledCrews.map((id) => h.city.crews.find((c) => c.id === id)!.leader.phone).sort());
    expect(notices.map((m) => m.body)).toEqual(notices.map(() => expect.stringMatching(/^(【扫雪】响应已降级，|SNOW level lowered: )/)));
    expect(res.json.dispatch).toMatchObject({ mode: 'sent', cancellationNotices: cancelledCrews.length });
  });
});
