// Issue 14, defect 5: 1,000 "1"s from one leader produced 1,000 outbound SMS ("no open tasks"); only help
// and unknown replies were rate-limited. Every answer to a phone is now counted per window (ContactPreferences; its contract suite holds the DynamoDB adapter).
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { handleReply, REPLY_ANSWER_WINDOW_MIN, REPLY_ANSWERS_PER_WINDOW } from '../../../functions/core/replies/handleReply.ts';
import { CREWS, messagingWorld, type MessagingWorld } from '../../support/messagingWorld.ts';

let world: MessagingWorld | undefined;
afterEach(async () => world?.close());

const C01 = CREWS[0]!;
let inbound = 0;
const reply = (from: string, body: string) => handleReply(world!.deps, { inboundMessageId: `flood-${inbound++}`, from, body });

describe('answers to one phone are rate-limited per window, whatever the replies say (in-memory twins, local SNS endpoint)', () => {
  it(`answers a flood of 20 replies ${REPLY_ANSWERS_PER_WINDOW} times in the window, applies the first, and logs every answer not sent`, async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    const before = world.smsTo(C01.leader.phone).length;

    const outcomes = [];
    for (let i = 0; i < 20; i++) outcomes.push(await reply(C01.leader.phone, i % 3 === 0 ? '1' : i % 3 === 1 ? '??' : 'HELP'));

    expect(outcomes[0]).toBe('applied');
    expect((await world.tasks.listTasks(activation.id))[0]!.state).toBe('acknowledged');
    expect(world.smsTo(C01.leader.phone).length - before).toBe(REPLY_ANSWERS_PER_WINDOW);
    const suppressed = (await world.deps.log.list(activation.id)).filter((e) => e.action === 'reply.answer-suppressed');
    const helpNotDue = (await world.deps.log.list(activation.id)).filter((e) => (e.action === 'reply.help' || e.action === 'reply.unknown') && e.details.helpSent === false).length;
    expect(suppressed.length).toBe(20 - REPLY_ANSWERS_PER_WINDOW - helpNotDue);
    expect(suppressed[0]).toMatchObject({ subject: 'crew:C01', details: { limit: REPLY_ANSWERS_PER_WINDOW, windowMinutes: REPLY_ANSWER_WINDOW_MIN } });
  });

  it('answers again in the next window', async () => {
    world = await messagingWorld();
    const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1'] }]);
    await dispatchWave(world.deps, activation.id);
    for (let i = 0; i < REPLY_ANSWERS_PER_WINDOW + 2; i++) await reply(C01.leader.phone, '1');
    const inWindow = world.smsTo(C01.leader.phone).length;
    world.clock.advance(REPLY_ANSWER_WINDOW_MIN);
    await reply(C01.leader.phone, '1');
    expect(world.smsTo(C01.leader.phone).length).toBe(inWindow + 1);
  });
});
