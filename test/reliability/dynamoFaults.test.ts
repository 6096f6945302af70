// Promises attacked (DESIGN.md, failure rules): "A crew leader gets each tasking once: a Lambda retry, a
// duplicate event or a crash between sent and recorded sends no second SMS"; "No crew and no vehicle is on
// two tasks at once"; "Every step appends to the response log": retries are safe, no task is written twice,
// no log entry is lost, nothing is dropped.
// A middleware on the real DynamoDB client (test/reliability/support/dynamoFaults.ts), seeded, throttles
// first tries, cancels transactions for a conflict, and lets writes land and then answers a timeout so that
// the SDK sends them again; or lets a write land and then fails the invocation, which is run again as Lambda
// retries it. The same small storm (test/reliability/support/stormScript.ts) runs on clean tables and on
// attacked ones, against DynamoDB Local and the local SNS-like endpoint.
import { afterEach, describe, expect, it } from 'vitest';
import { attemptKey } from '../../functions/core/escalation/TaskingCase.ts';
import { sweepEscalations } from '../../functions/core/escalation/sweepEscalations.ts';
import { InjectedCrashError } from './support/dynamoFaults.ts';
import { report } from './support/report.ts';
import { poll, runStormScript, stormOutcome, type Runner } from './support/stormScript.ts';
import { reliabilityWorld, type World } from './support/world.ts';
import { seededRandom } from '../../functions/core/planner/random.ts';
import { bookingProblems } from '../support/plannerWorld.ts';

const worlds: World[] = [];
afterEach(async () => { for (const w of worlds.splice(0)) await w.close(); });
async function world(options: Parameters<typeof reliabilityWorld>[0] = {}) {
  const w = await reliabilityWorld(options);
  worlds.push(w);
  return w;
}

describe('promise: DynamoDB faults retried by the SDK change nothing (no duplicate task, no lost log entry, each SMS once)', () => {
  it('storms whose writes are throttled, conflicted and time out after landing end exactly as a clean one', async () => {
    const clean = await world();
    const cleanRun = await runStormScript(clean);
    const expected = await stormOutcome(clean, cleanRun.activationId);

    const injected = { throttled: 0, conflict: 0, 'landed-then-timeout': 0 };
    for (const seed of [2, 10, 22]) {
      const attacked = await world({ storeFaults: { seed, throttleRate: 0.015, conflictRate: 0.3, landedTimeoutRate: 0.15 } });
      const run = await runStormScript(attacked);
      attacked.storeFaults!.pause();
      const counts = attacked.storeFaults!.counts();
      for (const k of Object.keys(injected) as (keyof typeof injected)[]) injected[k] += counts[k];
      expect({ seed, decisions: run.decisions, replies: run.replies }).toEqual({ seed, decisions: cleanRun.decisions, replies: cleanRun.replies });
      expect({ seed, ...(await stormOutcome(attacked, run.activationId)) }).toEqual({ seed, ...expected });
    }

    report('DynamoDB faults under SDK retries', { storms: 3, ...injected, tasks: expected.tasks.length, sms: Object.values(expected.smsPerPhone).reduce((a, b) => a + b, 0) });
    expect(Object.values(injected).every((n) => n > 0)).toBe(true);
  }, 120_000); // a clean storm, then one storm per seed

  it('a tasking whose attempt record times out after landing is not sent twice: it stays in doubt and the escalator resends it once', async () => {
    const w = await world({ guardFaults: { seed: 1, landedTimeoutRate: 1 } });
    const first = await poll(w, w.deps, 2);
    w.guardFaults!.pause();
    const activationId = first.activation!.activation.id;
    const leaders = [...new Set((await w.deps.tasks.listTasks(activationId)).map((t) => t.crewId))].map((id) => w.city.crews.find((c) => c.id === id)!.leader.phone);
    const firstWave = leaders.map((p) => w.sns.published.filter((s) => s.phoneNumber === p).length);

    w.clock.advance(15);
    await sweepEscalations(w.deps);

    const cases = await w.deps.taskingCases.listTaskingCases(activationId);
    const states = await Promise.all(cases.map(async (c) => [(await w.deps.smsRecords.getMessage(activationId, attemptKey(c.id, 1)))?.state, (await w.deps.smsRecords.getMessage(activationId, attemptKey(c.id, 2)))?.state]));
    report('attempt record lands then times out', { taskings: cases.length, inDoubt: states.filter(([a]) => a === 'in-doubt').length, resent: states.filter(([, b]) => b === 'sent').length });
    expect({ firstWave, afterResend: leaders.map((p) => w.sns.published.filter((s) => s.phoneNumber === p).length), states })
      .toEqual({ firstWave: leaders.map(() => 0), afterResend: leaders.map(() => 1), states: cases.map(() => ['in-doubt', 'sent']) });
  });
});

/** Tasks (road#pass#crew#wave#state) as the road passes covered and each crew's tasks by pass, wave and state. */
const taskShape = (tasks: string[]) => ({
  roads: [...new Set(tasks.map((t) => t.split('#')).map(([road, pass, , wave]) => `${road}#${pass}#${wave}`))].sort(),
  crews: tasks.map((t) => t.split('#')).map(([, pass, crew, wave, state]) => `${crew}#${pass}#${wave}#${state}`).sort(),
});

describe('promise: an invocation that fails after its write landed is retried (as Lambda does) without a duplicate, and nothing is dropped', () => {
  it('storms whose steps each fail once after a seeded number of landed writes end as a clean one', async () => {
    const clean = await world();
    const cleanRun = await runStormScript(clean);
    const expected = await stormOutcome(clean, cleanRun.activationId);

    let crashes = 0;
    const seeds = (process.env.REL_CRASH_SEEDS ?? '3,5').split(',').map(Number);
    for (const seed of seeds) {
      const w = await world({ storeFaults: { seed } });
      const random = seededRandom(seed);
      // Each step: fail after 0-15 landed writes (never, if the step writes fewer), then run it again once.
      const lambda: Runner = async (_name, step) => {
        w.storeFaults!.crashAfterWrites(Math.floor(random() * 16));
        try {
          return await step();
        } catch (error) {
          // A crash after some teams were handed to dispatch reaches the caller as PlanningInterruptedError, caused by it.
          if (!(error instanceof InjectedCrashError || (error as Error).cause instanceof InjectedCrashError)) throw error;
          if (process.env.REL_DEBUG) console.log(`crash in ${_name}`, (error as Error).stack);
          crashes++;
          // The poller's retry is the next tick: a wave left unplanned is finished once it is older than a planning run.
          if (_name.startsWith('poll')) w.clock.advance(4);
          return step();
        } finally {
          w.storeFaults!.crashAfterWrites(-1);
        }
      };
      const run = await runStormScript(w, lambda);
      w.storeFaults!.pause();
      const outcome = await stormOutcome(w, run.activationId);
      // A retry whose failed run had finished the work answers 'duplicate'; what counts is what the storm ended with.
      // A wave finished after a crash mid-planning may pair roads and crews differently; what must match is
      // every road pass covered and every crew's tasks ending as they did.
      expect({ seed, tasks: taskShape(outcome.tasks), cases: outcome.cases, smsPerPhone: outcome.smsPerPhone }).toEqual({ seed, tasks: taskShape(expected.tasks), cases: expected.cases, smsPerPhone: expected.smsPerPhone });
      const everyTask = (await Promise.all((await w.deps.activations.listActivations(10)).map((a) => w.deps.tasks.listTasks(a.id)))).flat();
      expect({ seed, problems: await bookingProblems({ db: w.db, names: w.names } as never, everyTask), open: await w.deps.activations.getOpenActivation() }).toEqual({ seed, problems: [], open: undefined });
    }
    report('invocations failing after a landed write, retried', { storms: seeds.length, crashes });
    expect(crashes).toBeGreaterThan(5);
  }, 120_000); // a clean storm, then one storm per seed
});
