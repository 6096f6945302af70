import { afterEach, describe, expect, it } from 'vitest';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import type { SmsSender } from '../../../functions/core/ports/SmsSender.ts';
import { CREWS, DUTY_OFFICER, messagingWorld, type MessagingWorld } from '../../support/messagingWorld.ts';

let world: MessagingWorld | undefined;
afterEach(async () => world?.close());

const [C01, C02] = CREWS as [typeof CREWS[0], typeof CREWS[0]];

describe('dispatchWave against the local SNS endpoint, on the in-memory twins', () => {
  it('local SNS endpoint: sends one SMS per leader, grouping the crew\'s tasks, in the leader\'s language', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1', 'R2'] }, { crewId: 'C02', roadIds: ['R3'] }]);
    const summary = await dispatchWave(world.deps, activation.id);
    expect(summary).toMatchObject({ sent: 2, failed: 0, skipped: 0 });
    expect(world.smsTo(C01.leader.phone)).toEqual([expect.stringMatching(/T01 人民路铲雪；T02 解放路铲雪/)]);
    expect(world.smsTo(C02.leader.phone)).toEqual([expect.stringMatching(/^【扫雪】SNOW Level II: .*T03 塔南路 plough/)]);
  });

  it('local SNS endpoint: stores each message as sent with the SNS message id, and logs its segments', async () => {
    world = await messagingWorld();
    const { activation, tasks } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    const [message] = await world.smsRecords.listMessages(activation.id);
    expect(message).toMatchObject({ state: 'sent', providerMessageId: world.sns.published[0]!.messageId, recipient: 'leader', attempt: 1, segments: 1, encoding: 'UCS-2' });
    const logged = (await world.deps.log.list(activation.id)).find((e) => e.action === 'sms.sent');
    expect(logged?.details).toMatchObject({ segments: 1, encoding: 'UCS-2', to: '+86 139****0101' });
    expect((await world.tasks.listTasks(activation.id)).map((t) => t.state)).toEqual(tasks.map(() => 'dispatched'));
  });

  it('local SNS endpoint: a duplicate dispatch event sends nothing twice', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }, { crewId: 'C02', roadIds: ['R2'] }]);
    await Promise.all([dispatchWave(world.deps, activation.id), dispatchWave(world.deps, activation.id)]);
    await dispatchWave(world.deps, activation.id);
    expect(world.sns.published).toHaveLength(2);
  });

  it('local SNS endpoint: a dispatcher that dies after Publish and before recording, then its retry, publish the tasking exactly once', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    const real = world.deps.sms;
    const crashing: SmsSender = { send: async (m) => { await real.send(m); return new Promise(() => {}); } };
    void dispatchWave({ ...world.deps, sms: crashing }, activation.id);
    await expect.poll(() => world!.sns.published.length).toBe(1);
    const summary = await dispatchWave(world.deps, activation.id);
    expect(summary.inDoubt).toBe(1);
    expect(world.smsTo(C01.leader.phone)).toHaveLength(1);
    expect((await world.smsRecords.listMessages(activation.id))[0]).toMatchObject({ state: 'in-doubt' });
  });

  it('local SNS endpoint: a leader who opted out is passed over to the backup at once, and ends Unreachable', async () => {
    world = await messagingWorld({ sns: { optedOut: [C01.leader.phone] } });
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    const summary = await dispatchWave(world.deps, activation.id);
    expect(summary.unreachable).toBe(1);
    expect(world.smsTo(C01.leader.phone)).toHaveLength(0);
    expect(world.smsTo(C01.backup.phone)).toEqual([expect.stringMatching(/^【扫雪】代班：班长1未确认，请接手：/)]);
    const [c] = await world.taskingCases.listTaskingCases(activation.id);
    expect(c).toMatchObject({ step: 'backup', recipients: [{ role: 'leader', outcome: 'unreachable', reason: 'opted out of SMS' }, { role: 'backup', outcome: 'pending' }] });
  });

  it('local SNS endpoint: shortfalls are texted to the duty officer once per wave', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    const shortfalls = [{ roadId: 'R9', roadName: '迎宾路', zoneId: 'z1', tier: 1 as const, pass: 'plough' as const, laneKm: 3, reason: 'no free plough' }];
    await dispatchWave(world.deps, activation.id, { shortfalls });
    await dispatchWave(world.deps, activation.id, { shortfalls });
    expect(world.smsTo(DUTY_OFFICER)).toEqual(['【扫雪】Ⅱ级响应缺口1处：迎宾路，请调配。']);
  });
});
