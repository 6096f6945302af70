// Promises attacked (DESIGN.md, failure rules): "A crew leader gets each tasking once: a Lambda retry, a
// duplicate event ... sends no second SMS"; "No crew and no vehicle is on two tasks at once"; replies apply
// once. EventBridge, SQS and SNS deliver at least once and in no promised order: the same scheduled event
// twice (at once and later), the same dispatch request twice, the same inbound SMS twice, and a "3 done"
// that overtakes the "1 acknowledged". DynamoDB Local, the local SNS-like endpoint, the real clients.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchWave } from '../../functions/core/dispatch/dispatchWave.ts';
import { sweepEscalations } from '../../functions/core/escalation/sweepEscalations.ts';
import { handleReply } from '../../functions/core/replies/handleReply.ts';
import { bookingInvariant, scopeInvariant, taskingInvariant } from '../../local/invariants/invariants.ts';
import { report } from './support/report.ts';
import { SendLog } from '../../local/invariants/SendLog.ts';
import { smallCity } from './support/smallCity.ts';
import { poll } from './support/stormScript.ts';
import { reliabilityWorld, type World } from './support/world.ts';

const city = smallCity({ crews: 6, roads: 6, tier1Roads: 6 });
const worlds: World[] = [];
afterEach(async () => { for (const w of worlds.splice(0)) await w.close(); });
async function world(sends: SendLog) {
  const w = await reliabilityWorld({ city, wrapSms: sends.wrap });
  worlds.push(w);
  return w;
}
const leaderOf = (crewId: string) => city.crews.find((c) => c.id === crewId)!.leader.phone;

describe('promise: a duplicated event changes nothing (each tasking once, one activation, replies applied once)', () => {
  it('the same scheduled poll delivered twice at once, then again later, opens one activation and texts each leader once', async () => {
    const sends = new SendLog();
    const w = await world(sends);
    const [a, b] = await Promise.all([poll(w, w.deps, 2), poll(w, w.freshDeps(sends.wrap), 2)]);
    const late = await poll(w, w.freshDeps(sends.wrap), 2);

    const activations = await w.deps.activations.listActivations(10);
    const activationId = activations[0]!.id;
    const tasks = await w.deps.tasks.listTasks(activationId);
    const firstSms = sends.keys().filter((k) => k.endsWith('#a1'));
    report('same scheduled poll twice', { deliveries: 3, activations: activations.length, taskings: firstSms.length, duplicates: sends.duplicates().length });
    expect({ decisions: [a.decision, b.decision].sort(), late: late.decision, activations: activations.length }).toEqual({ decisions: ['activated', 'already-open'], late: 'already-open', activations: 1 });
    expect(firstSms.length).toBe(new Set(tasks.map((t) => t.crewId)).size);
    expect([...(await bookingInvariant(w, tasks)), ...(await scopeInvariant(w, activationId)), ...(await taskingInvariant(w, activationId, sends))]).toEqual([]);
  });

  it('the same dispatch request and the same escalator tick delivered twice at once send each SMS once', async () => {
    const sends = new SendLog();
    const w = await world(sends);
    const first = await poll(w, w.deps, 2);
    const activationId = first.activation!.activation.id;
    await Promise.all([dispatchWave(w.deps, activationId), dispatchWave(w.freshDeps(sends.wrap), activationId)]);
    const ticks: number[] = [];
    for (const minutes of [15, 15, 15]) {
      w.clock.advance(minutes);
      const [x, y] = await Promise.all([sweepEscalations(w.deps), sweepEscalations(w.freshDeps(sends.wrap))]);
      ticks.push(x.advanced.length + y.advanced.length);
    }
    const cases = await w.deps.taskingCases.listTaskingCases(activationId);
    report('same dispatch request and escalator tick twice', { taskings: cases.length, advancedPerTick: ticks, published: sends.total(), duplicates: sends.duplicates().length });
    expect(ticks).toEqual([cases.length, cases.length, cases.length]);
    expect(await taskingInvariant(w, activationId, sends, { settled: true })).toEqual([]);
  });

  it('the same inbound SMS delivered twice, one after the other and at once, is applied and answered once', async () => {
    const sends = new SendLog();
    const w = await world(sends);
    const first = await poll(w, w.deps, 2);
    const activationId = first.activation!.activation.id;
    const crews = [...new Set((await w.deps.tasks.listTasks(activationId)).map((t) => t.crewId))].sort();
    w.clock.advance(3);

    const sequential = [await handleReply(w.deps, { inboundMessageId: 'm-1', from: leaderOf(crews[0]!), body: '1' }), await handleReply(w.freshDeps(sends.wrap), { inboundMessageId: 'm-1', from: leaderOf(crews[0]!), body: '1' })];
    const together = await Promise.all([handleReply(w.deps, { inboundMessageId: 'm-2', from: leaderOf(crews[1]!), body: '9' }), handleReply(w.freshDeps(sends.wrap), { inboundMessageId: 'm-2', from: leaderOf(crews[1]!), body: '9' })]);

    const log = await w.deps.log.list(activationId);
    const answers = sends.keys().filter((k) => k.startsWith('reply#'));
    report('same inbound SMS twice', { deliveries: 4, applied: [...sequential, ...together].filter((o) => o === 'applied').length, answers: answers.length, replacements: log.filter((e) => e.action === 'replacement.requested').length });
    expect({ sequential, together: [...together].sort() }).toEqual({ sequential: ['applied', 'duplicate'], together: ['applied', 'duplicate'] });
    expect({ ackEntries: log.filter((e) => e.action === 'reply.ack').length, cannotEntries: log.filter((e) => e.action === 'reply.cannot').length, answers: answers.length, toDutyOfficer: log.filter((e) => e.action === 'sms.sent' && e.details.recipient === 'duty-officer').length })
      .toEqual({ ackEntries: 1, cannotEntries: 1, answers: 2, toDutyOfficer: 1 });
    expect([...(await bookingInvariant(w, await w.deps.tasks.listTasks(activationId))), ...(await scopeInvariant(w, activationId)), ...(await taskingInvariant(w, activationId, sends))]).toEqual([]);
  });
});

describe('promise: replies that arrive out of order leave each task in its furthest state', () => {
  it('a "3 done" that overtakes the "1 acknowledged" and the "2 on site" leaves the task done, confirmed once, and the ladder quiet', async () => {
    const sends = new SendLog();
    const w = await world(sends);
    const first = await poll(w, w.deps, 2);
    const activationId = first.activation!.activation.id;
    const crewId = (await w.deps.tasks.listTasks(activationId))[0]!.crewId;
    w.clock.advance(4);

    const outcomes = [];
    for (const [id, body] of [['o-3', '3'], ['o-1', '1'], ['o-2', '2']] as const) outcomes.push(await handleReply(w.deps, { inboundMessageId: id, from: leaderOf(crewId), body }));
    for (const minutes of [15, 15, 15]) { w.clock.advance(minutes); await sweepEscalations(w.deps); }

    const tasks = (await w.deps.tasks.listTasks(activationId)).filter((t) => t.crewId === crewId);
    const c = (await w.deps.taskingCases.listTaskingCases(activationId)).find((x) => x.crewId === crewId)!;
    const log = await w.deps.log.list(activationId);
    report('3 before 1 and 2', { replies: outcomes.length, tasks: tasks.length, resendsToThatLeader: sends.keys().filter((k) => k.startsWith(c.id) && !k.endsWith('#a1')).length });
    expect({ outcomes, states: tasks.map((t) => t.state), outcome: c.outcome, confirmations: log.filter((e) => e.action === 'escalation.confirmed' && e.subject === `crew:${crewId}`).length })
      .toEqual({ outcomes: ['applied', 'not-applicable', 'not-applicable'], states: tasks.map(() => 'done'), outcome: 'confirmed', confirmations: 1 });
    expect(sends.keys().filter((k) => k.startsWith(c.id))).toEqual([`${c.id}#a1`]);
    expect(await bookingInvariant(w, await w.deps.tasks.listTasks(activationId))).toEqual([]);
  });
});
