import type { Task } from '../operations/Task.ts';

/** A road pass of an activation, as the planner and the covers name it. */
export interface PassRef {
  roadId: string;
  pass: string;
}

export type BookingResult = { ok: true } | { ok: false; reason: string };

/** Where a reassigned task goes: another team (crew and vehicle), at a new place in its list. */
export type TaskMove = Pick<Task, 'crewId' | 'vehicleId' | 'vehicleLabel' | 'depot' | 'sequence' | 'startBy' | 'passableAt' | 'state'> & {
  /** The target team's open tasks as the caller read them (its place and times were worked out from them); the move is refused if that changed. */
  teamOpenTasks?: number;
};

/**
 * Which crews and vehicles are booked, by which team, and which road passes are tasked. Invariants,
 * whatever the interleaving: a crew and a vehicle are each on one team of one activation; a road pass is
 * tasked at most once per activation; a team's tasks, claims and locks are written (or undone) together.
 */
export interface TeamBookings {
  /**
   * Books a team's crew and vehicle and writes its tasks, all or nothing: refused when the crew or
   * the vehicle is booked, one of its road passes is already tasked in the activation, or the activation is
   * closed. `lane`: which of the bookings a caller runs at once this is (0, 1, …): bookings in different lanes
   * share no item, so they never hold each other up; without it the crew picks one.
   */
  bookTeam(tasks: Task[], lane?: number): Promise<BookingResult>;
  /** Removes a team booked by bookTeam (tasks, road-pass claims, locks): the undo of a booking. */
  unbookTeam(tasks: Task[]): Promise<void>;
  /** Undoes team bookings a crashed writer left unfinished before `olderThan`; returns how many. */
  repairIncompleteBookings(olderThan: string): Promise<number>;
  /** Moves one open task to another team, keeping every booking invariant; refused on any conflict. */
  reassignTask(task: Task, to: TaskMove, at: string): Promise<BookingResult>;
  /**
   * Which of these road passes are tasked in the activation now (open or done: a pass given back or cancelled
   * is not), each with the task holding it; keyed `<roadId>#<pass>`. Reads only the passes asked, never the activation's tasks.
   */
  findCovers(activationId: string, passes: readonly PassRef[]): Promise<Map<string, string>>;
  /** Crews and vehicles currently booked by any open task. */
  listBusy(): Promise<{ crewIds: Set<string>; vehicleIds: Set<string> }>;
}
