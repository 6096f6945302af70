/**
 * What one write (or several, bumped together) touched of what the board is read from: tasks and tasking cases by
 * id, shortfall markers by road pass, under one activation each; `all` when the writer cannot say which (the board
 * reads that activation whole again).
 */
export interface BoardChange {
  /** Task ids, by activation id. */
  tasks?: Record<string, string[]>;
  /** Tasking case ids, by activation id. */
  cases?: Record<string, string[]>;
  /** Road passes (`<roadId>#<pass>`) marked short, by activation id. */
  shortfalls?: Record<string, string[]>;
  /** Something changed that the writer could not name (every activation is read whole again). */
  all?: boolean;
}

/**
 * Where the version stood when read: `version` goes up with every bump; `at` says where each of the version's
 * counters stood (the adapter's own positions), to ask later for the changes bumped since.
 */
export interface BoardMark {
  version: number;
  at: readonly number[];
}

/**
 * A number that only goes up, moved on after every write the board's roads and figures are read from
 * (tasks, bookings, taskings, shortfall markers): a board poll compares it instead of reading them all. Each
 * bump says what its write touched, so a reader that kept the board's sources at one mark reads only what
 * changed since, not every task.
 */
export interface BoardVersion {
  /** The current mark (version 0 before any write). Strongly consistent: a write's bump that has returned is seen. */
  read(): Promise<BoardMark>;
  /** Moves the version on, saying what changed; call it after the write it stands for has landed. */
  bump(change: BoardChange): Promise<void>;
  /**
   * Every change bumped after `from` up to `to` (two marks read from this version, `from` first), each once;
   * undefined when they are no longer all known (kept a day) and the board must be read whole.
   */
  changesBetween(from: BoardMark, to: BoardMark): Promise<BoardChange[] | undefined>;
}
