export interface IdGenerator {
  /** A new unique, time-sortable id. */
  next(): string;
}
