/**
 * A number that only goes up, moved on after every write the board's roads and figures are read from
 * (tasks, bookings, taskings, shortfall markers): a board poll compares it instead of reading them all.
 */
export interface BoardVersion {
  /** The current version (0 before any write). Strongly consistent: a write's bump that has returned is seen. */
  read(): Promise<number>;
  /** Moves the version on; call it after the write it stands for has landed. */
  bump(): Promise<void>;
}
