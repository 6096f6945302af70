import type { Task } from '../operations/Task.ts';
import type { Team } from '../planner/PlanTypes.ts';
import type { BookingResult, TeamBookings } from '../ports/TeamBookings.ts';

/** A planned team and its tasks, as they are booked. */
export interface TeamToBook {
  team: Team;
  teamTasks: Task[];
}

export interface BookTeamsHooks {
  /** Just before its booking is sent: from here until `refused`, the team may have landed (an error does not say it did not). */
  sending(entry: TeamToBook): void;
  /** Its booking landed. */
  booked(entry: TeamToBook): Promise<void>;
  /** Refused: a concurrent booking holds its crew, vehicle or a road pass, or the activation is closed. */
  refused(entry: TeamToBook, result: Extract<BookingResult, { ok: false }>): Promise<void>;
}

/** A team's most urgent tier. */
const tierOf = (entry: TeamToBook) => Math.min(...entry.teamTasks.map((t) => t.tier));

/**
 * Books the teams of one plan, up to `lanes` at once, starting each in the given order (tier 1 first) as a lane
 * comes free. The teams of one plan hold different crews, vehicles and road passes, so they never refuse each
 * other; each booking stays one conditional transaction, whatever runs beside it, and each lane books in its own
 * lane of the activation's open marks (TeamBookings.bookTeam), so none waits on another. Two teams on the same road
 * (its plough and its spreader pass) are never in flight together: each booking also checks its roads are not being
 * deleted, one item per road, and DynamoDB cancels two transactions that hold one item (TransactionConflict, retried
 * and at last refused). Such a team waits for a lane and may be passed by a later team of its own tier, never by a
 * less urgent one. On the first unexpected error no further team is started, the bookings in flight are awaited,
 * and that error is thrown: a caller undoing what may have landed sees every booking settled.
 */
export async function bookTeams(bookings: Pick<TeamBookings, 'bookTeam'>, teams: readonly TeamToBook[], lanes: number, hooks: BookTeamsHooks): Promise<void> {
  const waiting = [...teams];
  const roadsInFlight = new Set<string>();
  let wakers: (() => void)[] = [];
  let failure: { error: unknown } | undefined;
  const takeNext = (): TeamToBook | undefined => {
    let blockedTier: number | undefined;
    for (let i = 0; i < waiting.length; i++) {
      const entry = waiting[i]!;
      if (blockedTier !== undefined && tierOf(entry) !== blockedTier) return undefined;
      if (entry.teamTasks.every((t) => !roadsInFlight.has(t.roadId))) return waiting.splice(i, 1)[0];
      blockedTier ??= tierOf(entry);
    }
    return undefined;
  };
  const lane = async (index: number) => {
    while (!failure && waiting.length > 0) {
      const entry = takeNext();
      if (!entry) {
        // Every team that may start next shares a road with one in flight: wait for a booking to end.
        await new Promise<void>((resolve) => wakers.push(resolve));
        continue;
      }
      const roads = entry.teamTasks.map((t) => t.roadId);
      for (const r of roads) roadsInFlight.add(r);
      try {
        hooks.sending(entry);
        const result = await bookings.bookTeam(entry.teamTasks, index);
        if (result.ok) await hooks.booked(entry);
        else await hooks.refused(entry, result);
      } catch (error) {
        failure ??= { error };
      } finally {
        for (const r of roads) roadsInFlight.delete(r);
        const woken = wakers;
        wakers = [];
        for (const wake of woken) wake();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, teams.length)) }, (_, index) => lane(index)));
  if (failure) throw failure.error;
}
