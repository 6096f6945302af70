import { afterEach, describe, expect, it } from 'vitest';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { sweepEscalations } from '../../../functions/core/escalation/sweepEscalations.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { CREWS, DUTY_OFFICER, messagingWorld, type MessagingWorld } from '../../support/messagingWorld.ts';

let world: MessagingWorld | undefined;
afterEach(async () => world?.close());

const C01 = CREWS[0]!;

async function dispatched(level: 'II' | 'I' = 'II') {
  world = await messagingWorld();
  const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }], level);
  await dispatchWave(world.deps, activation.id);
  return { w: world, activation };
}

describe('escalation sweep on the in-memory twins with a controllable clock (SMS to the local SNS endpoint)', () => {
  it('finds nothing due before the resend time (level II: 15 minutes)', async () => {
    const { w } = await dispatched();
    w.clock.advance(14);
    expect(await sweepEscalations(w.deps)).toMatchObject({ due: 0, advanced: [] });
    expect(w.smsTo(C01.leader.phone)).toHaveLength(1);
  });

  it('resends to the leader after T1, hands over to the backup after T2, tells the duty officer after T3', async () => {
    const { w, activation } = await dispatched();
    w.clock.advance(15);
    expect((await sweepEscalations(w.deps)).advanced).toEqual([expect.objectContaining({ step: 'resent' })]);
    expect(w.smsTo(C01.leader.phone)).toEqual([expect.stringMatching(/^【扫雪】/), expect.stringMatching(/^【扫雪】重发：/)]);
    w.clock.advance(15);
    await sweepEscalations(w.deps);
    expect(w.smsTo(C01.backup.phone)).toEqual([expect.stringMatching(/^【扫雪】代班：班长1未确认/)]);
    w.clock.advance(15);
    await sweepEscalations(w.deps);
    expect(w.smsTo(DUTY_OFFICER)).toEqual(['【扫雪】环卫1班任务T01无人确认（班长、代班长均未回复），请电话联系。']);
    const [c] = await w.taskingCases.listTaskingCases(activation.id);
    expect(c).toMatchObject({ step: 'duty-officer', outcome: 'escalated', dueAt: null, recipients: [{ role: 'leader', outcome: 'not-confirmed' }, { role: 'backup', outcome: 'not-confirmed' }] });
    w.clock.advance(60);
    expect((await sweepEscalations(w.deps)).due).toBe(0);
  });

  it('escalates sooner at a higher level (level I: resend after 10 minutes)', async () => {
    const { w } = await dispatched('I');
    w.clock.advance(10);
    await sweepEscalations(w.deps);
    expect(w.smsTo(C01.leader.phone)).toHaveLength(2);
  });

  it('stops when the leader acknowledges: the leader ends Confirmed and nothing more is sent', async () => {
    const { w, activation } = await dispatched();
    w.clock.advance(5);
    await handleReply(w.deps, { inboundMessageId: 'in-1', from: C01.leader.phone, body: '1' });
    w.clock.advance(60);
    expect((await sweepEscalations(w.deps)).due).toBe(0);
    expect(w.smsTo(C01.backup.phone)).toHaveLength(0);
    const [c] = await w.taskingCases.listTaskingCases(activation.id);
    expect(c).toMatchObject({ outcome: 'confirmed', recipients: [{ role: 'leader', outcome: 'confirmed', response: 'ack' }] });
  });

  it('the backup confirming after the hand-over ends Confirmed, the leader Not Confirmed', async () => {
    const { w, activation } = await dispatched();
    w.clock.advance(30);
    await sweepEscalations(w.deps); // resend
    await sweepEscalations(w.deps); // not due yet again
    w.clock.advance(15);
    await sweepEscalations(w.deps); // backup
    await handleReply(w.deps, { inboundMessageId: 'in-2', from: C01.backup.phone, body: '收到' });
    const [c] = await w.taskingCases.listTaskingCases(activation.id);
    expect(c).toMatchObject({ outcome: 'confirmed', recipients: [{ role: 'leader', outcome: 'not-confirmed' }, { role: 'backup', outcome: 'confirmed' }] });
  });

  it('two sweeps running at once send each step once', async () => {
    const { w } = await dispatched();
    w.clock.advance(15);
    const [a, b] = await Promise.all([sweepEscalations(w.deps), sweepEscalations(w.deps)]);
    expect(a.advanced.length + b.advanced.length).toBeGreaterThanOrEqual(1);
    expect(w.smsTo(C01.leader.phone)).toHaveLength(2);
  });
});
