// Promises attacked (DESIGN.md, failure rules): "An SMS that fails, bounces off an opt-out or goes unanswered
// escalates; nothing is silently dropped. Dead-letter queues have alarms." and "A crew leader gets each
// tasking once: a Lambda retry, a duplicate event or a crash between sent and recorded sends no second SMS."
// The real SNS client and adapter publish to the local SNS-like endpoint (local/sns/startSnsServer.ts), which
// throttles in bursts, answers 500 at random (seeded), refuses invalid numbers and keeps an opt-out list; the
// dispatcher and escalator run against DynamoDB Local with the Powertools attempt guard. Nobody replies, so
// every tasking must climb the whole ladder to the duty officer.
import { afterEach, describe, expect, it } from 'vitest';
import { activate } from '../../functions/core/activation/activate.ts';
import { planActivationWave } from '../../functions/core/activation/planActivationWave.ts';
import type { DispatchRequests } from '../../functions/core/ports/DispatchRequests.ts';
import type { PlanningRequest } from '../../functions/core/ports/PlanningRequests.ts';
import { dispatchWave } from '../../functions/core/dispatch/dispatchWave.ts';
import { sweepEscalations } from '../../functions/core/escalation/sweepEscalations.ts';
import { attemptKey } from '../../functions/core/escalation/TaskingCase.ts';
import { seededRandom } from '../../functions/core/planner/random.ts';
import { Crash } from './support/crash.ts';
import { taskingInvariant } from '../../local/invariants/invariants.ts';
import { report } from './support/report.ts';
import { SendLog } from '../../local/invariants/SendLog.ts';
import { smallCity } from './support/smallCity.ts';
import { poll } from './support/stormScript.ts';
import { reliabilityWorld, type World, type WorldOptions } from './support/world.ts';

const city = smallCity({ crews: 10, roads: 10, tier1Roads: 10 });
const worlds: World[] = [];
afterEach(async () => { for (const w of worlds.splice(0)) await w.close(); });
async function world(options: WorldOptions = {}) {
  const w = await reliabilityWorld({ city, ...options });
  worlds.push(w);
  return w;
}
/** Level II: resend after 15 minutes, backup 15 later, duty officer 15 later. */
async function climbTheLadder(w: World, deps = w.deps) {
  for (const minutes of [15, 15, 15]) {
    w.clock.advance(minutes);
    await sweepEscalations(deps);
  }
}

describe('promise: a failing SMS escalates and nothing is silently dropped (local SNS-like endpoint, real SNS client)', () => {
  it('throttling bursts and random 500s: each SMS is published at most once, failures are dead-lettered, and every tasking reaches the duty officer', async () => {
    const random = seededRandom(7);
    const sends = new SendLog();
    // Calls 1-6 and 25-34 throttled (bursts); a seeded fifth of the others answer 500.
    const w = await world({ wrapSms: sends.wrap, sns: { fault: (call) => ((call <= 6 || (call >= 25 && call <= 34)) ? 'throttle' : random() < 0.2 ? 'internal-error' : undefined) } });
    const first = await poll(w, w.deps, 2);
    const activationId = first.activation!.activation.id;
    await climbTheLadder(w);

    const messages = await w.deps.smsRecords.listMessages(activationId);
    const cases = await w.deps.taskingCases.listTaskingCases(activationId);
    const counts = {
      taskings: cases.length, publishCalls: w.sns.stats.publishCalls, throttled: w.sns.stats.throttled, serverErrors: w.sns.stats.internalErrors,
      published: w.sns.published.length, failed: messages.filter((m) => m.state === 'failed').length, deadLetters: w.deadLetters.letters.length,
    };
    report('SNS throttling bursts and 500s', counts);
    expect(await taskingInvariant(w, activationId, sends, { settled: true })).toEqual([]);
    expect(cases.map((c) => c.outcome)).toEqual(cases.map(() => 'escalated'));
    expect({ published: sends.total(), deadLetters: counts.deadLetters }).toEqual({ published: counts.published, deadLetters: counts.failed });
    expect(counts.throttled > 0 && counts.serverErrors > 0).toBe(true);
  });

  it('invalid and opted-out numbers pass the tasking to the backup at once, and to the duty officer when nobody in the crew can be reached', async () => {
    const crew = (id: string) => city.crews.find((c) => c.id === id)!;
    const sends = new SendLog();
    const w = await world({
      wrapSms: sends.wrap,
      sns: { invalid: [crew('C1').leader.phone, crew('C3').backup.phone, crew('C5').leader.phone], optedOut: [crew('C2').leader.phone, crew('C3').leader.phone, crew('C6').leader.phone, crew('C6').backup.phone] },
    });
    const first = await poll(w, w.deps, 2);
    const activationId = first.activation!.activation.id;
    const cases = await w.deps.taskingCases.listTaskingCases(activationId);
    const expected = (crewId: string) => (['C3', 'C6'].includes(crewId) ? 'duty-officer' : ['C1', 'C2', 'C5'].includes(crewId) ? 'backup' : 'leader');

    const steps = Object.fromEntries(cases.map((c) => [c.crewId, c.step]));
    report('SNS invalid and opted-out numbers', { taskings: cases.length, toBackup: cases.filter((c) => c.step === 'backup').length, toDutyOfficer: cases.filter((c) => c.step === 'duty-officer').length, invalidRefused: w.sns.stats.invalid, optOutChecks: w.sns.stats.optOutChecks });
    expect(steps).toEqual(Object.fromEntries(cases.map((c) => [c.crewId, expected(c.crewId)])));
    expect(cases.filter((c) => ['C3', 'C6'].includes(c.crewId)).every((c) => c.recipients.every((r) => r.outcome === 'unreachable'))).toBe(true);
    expect(w.sns.published.filter((p) => p.phoneNumber === city.plan.dutyOfficerPhone).length).toBe(cases.filter((c) => c.step === 'duty-officer').length);
    await climbTheLadder(w);
    expect(await taskingInvariant(w, activationId, sends, { settled: true })).toEqual([]);
  });
});

describe('promise: a crash between Publish and the record sends no second SMS (local SNS-like endpoint)', () => {
  it('dispatchers killed right after a Publish, then run again in a fresh container, publish each tasking once; the ones in doubt escalate', async () => {
    const results: { inDoubt: number; resentOnce: boolean }[] = [];
    for (const atPublish of [1, 3, 6]) {
      const sends = new SendLog();
      const w = await world({ wrapSms: sends.wrap });
      // Booked, not sent: this test sends the wave itself, crashing mid-way (the queue's message, deployed).
      const queued: DispatchRequests = { request: async () => ({ mode: 'queued' }) };
      const booksOnly = { ...w.deps, dispatch: queued, planning: { request: async (r: PlanningRequest) => { await planActivationWave({ ...w.deps, dispatch: queued }, r); } } };
      const { activation } = (await activate(booksOnly, { level: 'II', zoneLevels: { z1: 'II' }, actor: 'duty-officer', reason: 'test', evidence: [] })) as { activation: { id: string } };
      const crash = new Crash();
      void dispatchWave(crash.deps(w.deps, atPublish), activation.id); // never settles: the process died
      expect(await crash.happened()).toBe(true);
      const fresh = w.freshDeps(sends.wrap);
      await dispatchWave(fresh, activation.id); // the retry (SQS redelivers the request)
      const crashedKey = sends.keys()[atPublish - 1]!;
      const caseId = crashedKey.replace(/#a1$/, '');

      const afterRetry = sends.duplicates();
      await climbTheLadder(w, fresh);
      const state = (await fresh.smsRecords.getMessage(activation.id, crashedKey))?.state;
      results.push({ inDoubt: state === 'in-doubt' ? 1 : 0, resentOnce: sends.count(attemptKey(caseId, 2)) === 1 });
      expect({ atPublish, afterRetry, state, problems: await taskingInvariant(w, activation.id, sends, { settled: true }) }).toEqual({ atPublish, afterRetry: [], state: 'in-doubt', problems: [] });
    }
    report('crash between Publish and the record (dispatcher)', { crashes: results.length, inDoubt: results.reduce((n, r) => n + r.inDoubt, 0), resentOnceByTheLadder: results.filter((r) => r.resentOnce).length });
    expect(results.every((r) => r.resentOnce)).toBe(true);
  }, 120_000); // three storms, one per crash point

  it('an escalator killed right after publishing a resend, then run again, does not resend it: the ladder goes on to the backup', async () => {
    const sends = new SendLog();
    const w = await world({ wrapSms: sends.wrap });
    const first = await poll(w, w.deps, 2);
    const activationId = first.activation!.activation.id;
    w.clock.advance(15);
    const crash = new Crash();
    void sweepEscalations(crash.deps(w.deps, 1));
    expect(await crash.happened()).toBe(true);
    const fresh = w.freshDeps(sends.wrap);
    await sweepEscalations(fresh);
    w.clock.advance(15);
    await sweepEscalations(fresh);
    w.clock.advance(15);
    await sweepEscalations(fresh);

    const resends = sends.keys().filter((k) => k.endsWith('#a2'));
    report('crash between Publish and the record (escalator)', { taskings: (await fresh.taskingCases.listTaskingCases(activationId)).length, resends: resends.length, duplicates: sends.duplicates().length });
    expect(await taskingInvariant(w, activationId, sends, { settled: true })).toEqual([]);
    expect(resends.every((k) => sends.count(k) === 1)).toBe(true);
  }, 60_000); // a storm, a crash and four sweeps
});
