import { afterEach, describe, expect, it } from 'vitest';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { CREWS, DUTY_OFFICER, messagingWorld, type MessagingWorld } from '../../support/messagingWorld.ts';

let world: MessagingWorld | undefined;
afterEach(async () => world?.close());

const [C01, C02, C03] = CREWS as [typeof CREWS[0], typeof CREWS[0], typeof CREWS[0]];
let inbound = 0;
const reply = (from: string, body: string) => handleReply(world!.deps, { inboundMessageId: `in-${inbound++}`, from, body });
const states = async (activationId: string) => Object.fromEntries((await world!.tasks.listTasks(activationId)).map((t) => [t.code, t.state]));

/** C01 leads T01 and T02, C02 leads T03; both taskings sent. */
async function dispatched() {
  world = await messagingWorld();
  const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1', 'R2'] }, { crewId: 'C02', roadIds: ['R3'] }]);
  await dispatchWave(world.deps, activation.id);
  return activation;
}

describe('handleReply (two-way SMS) on the in-memory twins, answers through the local SNS endpoint', () => {
  it('a bare digit applies to all the leader\'s open tasks of the latest wave, and the answer says so', async () => {
    const activation = await dispatched();
    expect(await reply(C01.leader.phone, '１')).toBe('applied');
    expect(await states(activation.id)).toMatchObject({ T01: 'acknowledged', T02: 'acknowledged', T03: 'dispatched' });
    expect(world!.smsTo(C01.leader.phone).at(-1)).toBe('【扫雪】已确认 T01,T02（全部2项任务）');
  });

  it('a task code selects one task', async () => {
    const activation = await dispatched();
    expect(await reply(C01.leader.phone, '2 T02')).toBe('applied');
    expect(await states(activation.id)).toMatchObject({ T01: 'dispatched', T02: 'on-site' });
    expect(world!.smsTo(C01.leader.phone).at(-1)).toBe('【扫雪】已到场 T02');
  });

  it('a leader cannot change another crew\'s task: the code is refused and the task stays as it was', async () => {
    const activation = await dispatched();
    expect(await reply(C02.leader.phone, '3 T01')).toBe('not-applicable');
    expect(await states(activation.id)).toMatchObject({ T01: 'dispatched' });
    expect(world!.smsTo(C02.leader.phone).at(-1)).toBe('【扫雪】T01 is not one of your open tasks');
  });

  it('HELP is answered with the reply legend', async () => {
    await dispatched();
    expect(await reply(C01.leader.phone, '帮助')).toBe('help');
    expect(world!.smsTo(C01.leader.phone).at(-1)).toContain('回复1确认/2到场/3完成/9无法执行');
  });

  it('an unknown reply gets a short help SMS once, not again within the hour', async () => {
    await dispatched();
    await reply(C01.leader.phone, '车坏了怎么办');
    world!.clock.advance(10);
    await reply(C01.leader.phone, '怎么回复？？');
    const helps = world!.smsTo(C01.leader.phone).filter((s) => s.includes('可加任务号'));
    expect(helps).toHaveLength(1);
  });

  it('an unknown sender gets nothing and is logged', async () => {
    await dispatched();
    const before = world!.sns.published.length;
    expect(await reply('+8613700000000', '1')).toBe('unknown-sender');
    expect(world!.sns.published).toHaveLength(before);
    expect((await world!.deps.log.list('system')).map((e) => e.action)).toContain('reply.unknown-sender');
  });

  it('the same inbound message delivered twice is applied once', async () => {
    const activation = await dispatched();
    const event = { inboundMessageId: 'dup-1', from: C01.leader.phone, body: '2' };
    expect(await handleReply(world!.deps, event)).toBe('applied');
    expect(await handleReply(world!.deps, event)).toBe('duplicate');
    expect(world!.smsTo(C01.leader.phone)).toHaveLength(2);
    expect(await states(activation.id)).toMatchObject({ T01: 'on-site' });
  });

  it('STOP records the opt-out, sends nothing back, and hands the tasking to the backup at once', async () => {
    const activation = await dispatched();
    const sentToLeader = world!.smsTo(C01.leader.phone).length;
    expect(await reply(C01.leader.phone, 'STOP')).toBe('stop');
    expect(await world!.contacts.isOptedOut(C01.leader.phone)).toBe(true);
    expect(world!.smsTo(C01.leader.phone)).toHaveLength(sentToLeader);
    expect(world!.smsTo(C01.backup.phone)).toEqual([expect.stringMatching(/^【扫雪】代班：/)]);
    const c = (await world!.taskingCases.listTaskingCases(activation.id)).find((x) => x.crewId === 'C01');
    expect(c?.recipients[0]).toMatchObject({ role: 'leader', outcome: 'unreachable', reason: 'replied STOP' });
  });

  it('"9" closes the tasking, a replacement team is booked and tasked, and the duty officer is told', async () => {
    const activation = await dispatched();
    expect(await reply(C01.leader.phone, '9 车坏了')).toBe('applied');
    expect(await states(activation.id)).toMatchObject({ T01: 'cannot', T02: 'cannot' });
    expect(world!.smsTo(C03.leader.phone)).toEqual([expect.stringMatching(/人民路铲雪/)]);
    expect(world!.smsTo(DUTY_OFFICER)).toEqual([`【扫雪】环卫1班报无法执行T01、T02；已改派${C03.name}。`]);
    const c = (await world!.taskingCases.listTaskingCases(activation.id)).find((x) => x.crewId === 'C01');
    expect(c).toMatchObject({ outcome: 'cannot', recipients: [{ role: 'leader', outcome: 'confirmed', response: 'cannot' }] });
  });

  it('"9" with a task code gives back only that task; the crew\'s other task stays on the escalation ladder', async () => {
    const activation = await dispatched();
    await reply(C01.leader.phone, '9 T02');
    expect(await states(activation.id)).toMatchObject({ T01: 'dispatched', T02: 'cannot' });
    const c = (await world!.taskingCases.listTaskingCases(activation.id)).find((x) => x.crewId === 'C01');
    expect(c?.outcome).toBeUndefined();
    expect(c?.dueAt).not.toBeNull();
  });
});
