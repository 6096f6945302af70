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

/**
 * Books the teams of one plan, up to `lanes` at once, starting each in the given order (tier 1 first) as a lane
 * comes free. The teams of one plan hold different crews, vehicles and road passes, so they never refuse each
 * other; each booking stays one conditional transaction, whatever runs beside it, and each lane books in its own
 * lane of the activation's open marks (TeamBookings.bookTeam), so none waits on another. On the first unexpected error
 * no further team is started, the bookings in flight are awaited, and that error is thrown: a caller undoing
 * what may have landed sees every booking settled.
 */
export async function bookTeams(bookings: Pick<TeamBookings, 'bookTeam'>, teams: readonly TeamToBook[], lanes: number, hooks: BookTeamsHooks): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (index: number) => {
    while (!failure && next < teams.length) {
      const entry = teams[next++]!;
      try {
        hooks.sending(entry);
        const result = await bookings.bookTeam(entry.teamTasks, index);
        if (result.ok) await hooks.booked(entry);
        else await hooks.refused(entry, result);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, teams.length)) }, (_, index) => lane(index)));
  if (failure) throw failure.error;
}
