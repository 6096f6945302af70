import { describe, expect, it } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { PLANNING_RUN_MS, resumePlanning } from '../../../functions/core/activation/resumePlanning.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import { dispatchTeamsById } from '../../../functions/core/dispatch/dispatchTeams.ts';
import { PlanningInterruptedError } from '../../../functions/core/errors/PlanningInterruptedError.ts';
import type { Task } from '../../../functions/core/operations/Task.ts';
import type { TeamBookings } from '../../../functions/core/ports/TeamBookings.ts';
import type { Messaging } from '../../../functions/core/ports/Messaging.ts';
import type { OptOutChecker } from '../../../functions/core/ports/OptOutChecker.ts';
import { DEFAULT_RETRY_POLICY } from '../../../functions/core/dispatch/RetryPolicy.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';

type City = Awaited<ReturnType<typeof demoCityInMemory>>;

const REQUEST = { level: 'I' as const, actor: 'poller', reason: 'red blizzard signal', evidence: [] };
const levels = (city: City) => Object.fromEntries(city.city.zones.map((z) => [z.id, 'I' as const]));
/** The first SMS of each tasking (`<case id>#a1`): what a crew leader is sent once per wave. */
const firstTaskings = (city: City) => city.deps.sms.sent.filter((m) => m.idempotencyKey.endsWith('#a1'));

/** The city's bookings, with each team booked recorded (and, from the `failAfter`-th booking sent on, a failure). */
function recordedBookings(city: City, failAfter = Infinity): { bookings: TeamBookings; booked: Task[][]; smsAtBooking: number[] } {
  const inner = city.deps.bookings;
  const booked: Task[][] = [];
  const smsAtBooking: number[] = [];
  let sent = 0;
  const bookings: TeamBookings = {
    bookTeam: async (tasks, lane) => {
      // Counted when sent, not when landed: several bookings are in flight at once.
      if (sent++ >= failAfter) throw new Error('DynamoDB: ProvisionedThroughputExceededException');
      const result = await inner.bookTeam(tasks, lane);
      if (result.ok) {
        booked.push(tasks);
        smsAtBooking.push(firstTaskings(city).length);
      }
      return result;
    },
    unbookTeam: (tasks) => inner.unbookTeam(tasks),
    repairIncompleteBookings: (olderThan) => inner.repairIncompleteBookings(olderThan),
    reassignTask: (task, to, at) => inner.reassignTask(task, to, at),
    findCovers: (activationId, passes) => inner.findCovers(activationId, passes),
    listBusy: () => inner.listBusy(),
  };
  return { bookings, booked, smsAtBooking };
}

describe('the streamed first wave (use cases on the in-memory twins)', () => {
  it('texts the first booked teams while later teams are still being booked', async () => {
    const city = await demoCityInMemory();
    const recorded = recordedBookings(city);
    const deps = { ...city.deps, bookings: recorded.bookings };
    const dispatch = new InlineDispatch(deps);

    const result = await activate({ ...deps, dispatch }, { ...REQUEST, zoneLevels: levels(city) });
    await dispatch.request({ activationId: result.activation.id });

    expect(recorded.booked.length).toBeGreaterThan(2);
    expect(recorded.smsAtBooking.at(-1)).toBeGreaterThan(0);
  });

  it('fetches the carrier\'s opt-out list once for the streamed teams instead of checking each leader\'s number', async () => {
    const city = await demoCityInMemory();
    const carrier = { lists: 0, checks: 0 };
    let listed: ReadonlySet<string> | undefined;
    const optOut: OptOutChecker = {
      prefetch: async (phones) => { carrier.lists++; listed = new Set(phones); },
      isOptedOut: async (phone) => { if (!listed?.has(phone)) carrier.checks++; return false; },
    };
    const messaging: Messaging = {
      guard: { once: async (_key, work) => ({ status: 'done', value: await work(), replayed: false }) },
      limiter: { acquire: async () => {}, refund: () => {} }, deadLetters: { send: async () => {} }, retry: DEFAULT_RETRY_POLICY,
      optOut, sleep: async () => {}, random: () => 0.5, concurrency: 4,
    };
    const deps = { ...city.deps, messaging };
    const dispatch = new InlineDispatch(deps);
    const result = await activate({ ...deps, dispatch }, { ...REQUEST, zoneLevels: levels(city) });

    const { counts } = await dispatch.stream.drain();

    expect(counts.sent).toBe(new Set(result.outcome === 'activated' ? result.tasks.map((t) => t.crewId) : []).size);
    expect(carrier).toEqual({ lists: 1, checks: 0 });
  });

  it('books every team with a tier-1 pass before any team without one', async () => {
    const city = await demoCityInMemory();
    const recorded = recordedBookings(city);
    const deps = { ...city.deps, bookings: recorded.bookings };

    await activate({ ...deps, dispatch: new InlineDispatch(deps) }, { ...REQUEST, zoneLevels: levels(city) });

    const tiers = recorded.booked.map((team) => Math.min(...team.map((t) => t.tier)));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers[0]).toBe(1);
  });

  it('sends each crew its tasking once: the wave dispatch after the stream, and a repeated one, send nothing again', async () => {
    const city = await demoCityInMemory();
    const dispatch = new InlineDispatch(city.deps);
    const result = await activate({ ...city.deps, dispatch }, { ...REQUEST, zoneLevels: levels(city) });

    const receipt = await dispatch.request({ activationId: result.activation.id });
    const again = await dispatch.request({ activationId: result.activation.id });

    const crews = new Set((await city.deps.tasks.listTasks(result.activation.id)).map((t) => t.crewId));
    const keys = firstTaskings(city).map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(crews.size);
    expect(receipt).toMatchObject({ mode: 'sent', sent: crews.size });
    expect(again).toMatchObject({ mode: 'sent', sent: 0 });
    expect((await city.deps.tasks.listTasks(result.activation.id)).every((t) => t.state === 'dispatched')).toBe(true);
  });

  it('keeps the teams it handed when booking fails later, leaves the activation open, and the poller finishes the wave', async () => {
    const city = await demoCityInMemory();
    const recorded = recordedBookings(city, 2);
    const failing = { ...city.deps, bookings: recorded.bookings };
    const dispatch = new InlineDispatch(failing);

    const activating = activate({ ...failing, dispatch }, { ...REQUEST, zoneLevels: levels(city) });

    await expect(activating).rejects.toBeInstanceOf(PlanningInterruptedError);
    const open = await city.deps.activations.getOpenActivation();
    expect(open?.status).toBe('open');
    await dispatch.request({ activationId: open!.id }); // the stream drained: the two teams' crews have their SMS
    expect(firstTaskings(city).length).toBe(2);
    city.clock.advance(PLANNING_RUN_MS / 60_000 + 1); // past a planning run's length: the poller may take the wave over
    const healthy = new InlineDispatch(city.deps);
    await resumePlanning({ ...city.deps, dispatch: healthy }, open!);
    await healthy.request({ activationId: open!.id });
    const tasks = await city.deps.tasks.listTasks(open!.id);
    expect(firstTaskings(city).length).toBe(new Set(tasks.map((t) => t.crewId)).size);
    expect(tasks.every((t) => t.state === 'dispatched')).toBe(true);
  });

  it('dispatches teams named by id reading only their tasks, never the whole activation', async () => {
    const city = await demoCityInMemory();
    const result = await activate(city.deps, { ...REQUEST, zoneLevels: levels(city) });
    if (result.outcome !== 'activated') throw new Error(`expected an activation, got ${result.outcome}`);
    const team = result.tasks.filter((t) => t.crewId === result.tasks[0]!.crewId);
    let wholeReads = 0;
    const deps = { ...city.deps, tasks: { ...city.deps.tasks, getTasks: city.deps.tasks.getTasks.bind(city.deps.tasks), transitionTask: city.deps.tasks.transitionTask.bind(city.deps.tasks), transitionTasks: city.deps.tasks.transitionTasks.bind(city.deps.tasks), listTasks: async (id: string) => { wholeReads++; return city.deps.tasks.listTasks(id); } } };

    const counts = await dispatchTeamsById(deps, result.activation.id, team.map((t) => t.id));

    expect(counts.sent).toBe(1);
    expect(wholeReads).toBe(0);
    expect(firstTaskings(city).map((m) => m.idempotencyKey)[0]).toContain(team[0]!.crewId);
  });
});
