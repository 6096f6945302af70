import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { AssignmentPlan, Shortfall, Team } from '../planner/PlanTypes.ts';
import type { PlannerInput } from '../planner/PlannerInput.ts';
import { planRoutes } from '../planner/planRoutes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import { loadPassesInput, loadPlannerInput } from './loadPlannerInput.ts';
import type { PassRef } from '../ports/TeamBookings.ts';
import { runPool } from '../dispatch/runPool.ts';
import { bookTeams } from './bookTeams.ts';
import { toTasks } from './toTasks.ts';
import { withBookingRun } from './withBookingRun.ts';
import { LogBehind } from './LogBehind.ts';
import { PlanningInterruptedError } from '../errors/PlanningInterruptedError.ts';
import { planFirstRound } from '../readiness/planFirstRound.ts';
import { waveInput } from '../pretreatment/preTreatmentInput.ts';
import type { StartingPlan } from '../readiness/startingPlan.ts';
import { reasonCode } from '../text/ReasonCode.ts';

export interface PlanAndBookOptions {
  /**
   * Called with each team the moment its booking lands (tier 1 is booked first), so that dispatch can text
   * it while the rest is booked. A team handed here is never undone: should planning fail later, the
   * teams handed stand and PlanningInterruptedError is thrown instead of rolling them back.
   */
  onBooked?: (tasks: Task[]) => void;
  /** Told when the first plan is made and booking starts (the officer's progress line says booking). */
  onBooking?: () => Promise<void>;
  /**
   * A first wave's start (startingPlan): the plan kept ready on watch, repaired instead of planning from
   * nothing, or cold; which it was is logged (activation.plan-repaired / activation.planned-cold).
   */
  from?: StartingPlan;
  /**
   * Re-task only these road passes (a "9": the passes the crew gave back), reading their covers by key instead of
   * the activation's task list. Without it every pass in scope the activation has not covered is planned.
   */
  passes?: readonly PassRef[];
}

/** The most urgent first: teams with a tier-1 pass, then tier 2, then 3; the planner's order within a tier. */
function urgentFirst(teams: readonly Team[]): Team[] {
  const tierOf = (team: Team) => Math.min(...team.tasks.map((t) => t.tier));
  return teams.map((team, i) => ({ team, i, tier: tierOf(team) })).sort((a, b) => a.tier - b.tier || a.i - b.i).map((x) => x.team);
}

/** Re-plans after lost bookings at most this many times; what is still lost after that is reported short. */
const ROUNDS = 5;

/** A booking still incomplete after this long was interrupted (a Lambda runs 15 minutes at most). */
const STALE_BOOKING_MS = 15 * 60_000;

const LOST = { reason: 'its team was taken by a concurrent booking and nothing else was free', reasonCode: reasonCode('team-taken-concurrently') };

/**
 * Bookings of one run in flight at once, each in its own lane (TeamBookings.bookTeam) and its own conditional
 * transaction: the guarantees do not depend on the order. On DynamoDB a booking is a round trip of ~10-20 ms
 * that this overlaps; DynamoDB Local runs transactions about one at a time, where 4 lanes measured no faster
 * and no slower than 1 (240 teams of 17 tasks, warm: 39-44 ms a team either way, load ~12), and 8 slower.
 */
const BOOKING_LANES = 4;

/** Log entries written at once (shortfalls; booked teams behind the booking): a city's first plan may report hundreds. */
const LOG_CONCURRENCY = 8;

const passKey = (s: Shortfall) => `${s.roadId}#${s.pass}`;

/**
 * Plans every road pass in scope at `zoneLevels` that the activation has not covered yet, and books
 * the teams. A booking lost to a concurrent one (crew, vehicle or road pass taken) is re-planned with
 * what is still free; what cannot be covered comes back as shortfalls, and is logged. If anything
 * fails unexpectedly, the teams this call booked are removed again: no half-written plan remains.
 * Used by activation, upgrades and replacements.
 */
export async function planAndBook(
  deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'activations' | 'bookings' | 'tasks' | 'shortfalls' | 'plannerBudget'>,
  activation: Activation,
  zoneLevels: Record<string, ResponseLevel>,
  options: PlanAndBookOptions = {},
): Promise<{ tasks: Task[]; shortfalls: Shortfall[] }> {
  return withBookingRun(deps.activations, activation.id, () => planAndBookRun(deps, activation, zoneLevels, options));
}

async function planAndBookRun(
  deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'bookings' | 'tasks' | 'shortfalls' | 'plannerBudget'>,
  activation: Activation,
  zoneLevels: Record<string, ResponseLevel>,
  options: PlanAndBookOptions,
): Promise<{ tasks: Task[]; shortfalls: Shortfall[] }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  // A writer that crashed mid-way through a long team left it incomplete: undo it before planning.
  const repaired = await deps.bookings.repairIncompleteBookings(new Date(now.getTime() - STALE_BOOKING_MS).toISOString());
  if (repaired > 0) await deps.log.append({ activationId: activation.id, at, actor: 'planner', action: 'booking.repaired', details: { teams: repaired }, reason: 'incomplete bookings left by an interrupted writer were undone' });
  // Teams whose booking may have landed (listed before the call: one that fails with an error may have), in the order sent.
  const booked = new Set<Task[]>();
  const handed = new Set<Task[]>();
  let shortfalls: Shortfall[] = [];
  // Each team's entry is written while the next teams book: no round trip of its own per team.
  const bookedLog = new LogBehind(deps.log, LOG_CONCURRENCY);
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      // A pre-treatment wave plans its spreader passes only (pretreatment/preTreatmentInput.ts).
      const loaded = options.passes ? await loadPassesInput(deps, zoneLevels, activation.id, options.passes) : await loadPlannerInput(deps, zoneLevels, activation.id);
      const input = waveInput(activation, loaded);
      const planned = round === 1 && options.from ? await firstRound(deps, activation.id, input, options.from) : planRoutes(input, { ...deps.plannerBudget, clock: deps.clock });
      if (round === 1) await options.onBooking?.();
      const lost: Team[] = [];
      // One reservation for the whole plan instead of one round trip per team (370 at city scale).
      const total = planned.teams.reduce((n, team) => n + team.tasks.length, 0);
      let next = total > 0 ? await deps.tasks.reserveTaskCodes(activation.id, total) : 0;
      const teams = urgentFirst(planned.teams).map((team) => {
        const teamTasks = toTasks(team, activation.id, next, activation.wave, at);
        next += team.tasks.length;
        return { team, teamTasks };
      });
      // Several at once (BOOKING_LANES), tier 1 started first: one after another, a 50,000-road wave's 3,779 bookings
      // are ~40-75 s of round trips on DynamoDB alone.
      await bookTeams(deps.bookings, teams, BOOKING_LANES, {
        sending: ({ teamTasks }) => { booked.add(teamTasks); },
        refused: async ({ team, teamTasks }, result) => {
          booked.delete(teamTasks);
          lost.push(team);
          await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'team.booking-conflict', subject: `crew:${team.crewId}`, details: { vehicleId: team.vehicleId, round }, reason: result.reason });
        },
        booked: async ({ team, teamTasks }) => {
          if (options.onBooked) {
            options.onBooked(teamTasks);
            handed.add(teamTasks);
          }
          await bookedLog.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'team.booked', subject: `crew:${team.crewId}`, details: { vehicleId: team.vehicleId, lent: team.lent, tasks: teamTasks.map((t) => ({ code: t.code, road: t.roadName, pass: t.pass, startBy: t.startBy })) } });
        },
      });
      shortfalls = planned.shortfalls;
      if (lost.length === 0) break;
      if (round === ROUNDS) {
        shortfalls = [...shortfalls, ...lost.flatMap((team) => team.tasks.map((t) => ({ roadId: t.roadId, roadName: t.roadName, zoneId: t.zoneId, tier: t.tier, pass: t.pass, laneKm: t.laneKm, ...LOST })))];
      }
    }
    await bookedLog.flush();
    // A pass reported short may have been tasked meanwhile by a concurrent call: it is not short (its cover, read by key).
    const nowCovered = shortfalls.length > 0 ? await deps.bookings.findCovers(activation.id, shortfalls) : new Map<string, string>();
    shortfalls = shortfalls.filter((s) => !nowCovered.has(passKey(s)));
  } catch (error) {
    await bookedLog.settle();
    // Teams handed to dispatch may have been texted: they stand. The others that may have landed are undone.
    const undone = [...booked].filter((tasks) => !handed.has(tasks));
    for (const tasks of undone.reverse()) await deps.bookings.unbookTeam(tasks);
    await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'plan.rolled-back', details: { teams: undone.length, ...(handed.size > 0 ? { handedTeams: handed.size } : {}) }, reason: error instanceof Error ? error.message : String(error) });
    if (handed.size > 0) throw new PlanningInterruptedError(handed.size, error);
    throw error;
  }
  await reportShortfalls(deps, activation.id, shortfalls);
  return { tasks: [...booked].flat(), shortfalls };
}

/** The first round of a first wave: the plan kept ready repaired, or one made cold; which is logged. Later rounds (lost bookings) plan what is left. */
async function firstRound(deps: Pick<CoreDeps, 'log' | 'clock' | 'plannerBudget'>, activationId: string, input: PlannerInput, from: StartingPlan): Promise<AssignmentPlan> {
  const { planned, note } = planFirstRound(input, from, { ...deps.plannerBudget, clock: deps.clock });
  await deps.log.append({ activationId, at: deps.clock.now().toISOString(), actor: 'planner', action: note.action, subject: `activation:${activationId}`, details: note.details, reason: note.reason });
  return planned;
}

/**
 * Logs the road passes newly short in this activation. A pass still short is planned again by every later
 * run (a "9", an upgrade, the poller resuming a wave) and was logged by the first: logged again, it made the
 * log repeat hundreds of entries per reply and the after-action report count it once per run. Marked after
 * its entry is written, so a run that dies in between logs it again rather than never.
 */
async function reportShortfalls(deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'bookings' | 'tasks' | 'shortfalls' | 'plannerBudget'>, activationId: string, shortfalls: readonly Shortfall[]): Promise<void> {
  if (shortfalls.length === 0) return;
  const reported = await deps.shortfalls.listReportedShortfalls(activationId);
  const fresh = shortfalls.filter((s) => !reported.has(passKey(s)));
  await runPool(fresh, LOG_CONCURRENCY, (s) => deps.log.append({
    activationId, at: deps.clock.now().toISOString(), actor: 'planner', action: 'road.shortfall', subject: `road:${s.roadId}`,
    details: { road: s.roadName, tier: s.tier, pass: s.pass, laneKm: s.laneKm, reasonCode: s.reasonCode }, reason: s.reason,
  }));
  await deps.shortfalls.markShortfallsReported(activationId, fresh.map(passKey));
}
