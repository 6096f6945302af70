/**
 * The answers kept built, each by its name: the city map (per registry revision) and the status board's sources
 * (per activation, at the board version they were read at).
 */
export type ViewName = 'city-map' | 'board-sources';

/** A view as it was kept: its value and when it was built. */
export interface BuiltView<T> {
  value: T;
  builtAt: string;
}

/**
 * Answers built from thousands of items (every road for the map, every task for the board), kept whole for
 * every reader: a reader (a new Lambda container, another console) that finds the view kept for the version
 * it read reads that one item family instead of building it again. One view per name is kept: the newest put.
 */
export interface BuiltViews {
  /** The view kept under `name` when it was built for `version`; undefined when none is, or one for another version. */
  getView<T>(name: ViewName, version: string): Promise<BuiltView<T> | undefined>;
  /** The view kept under `name`, whichever version it was built for (to bring it up to date); undefined when none is. */
  getLatestView<T>(name: ViewName): Promise<{ version: string; view: BuiltView<T> } | undefined>;
  /** Keeps `value` as the view of `name` for `version`, in place of the one kept before (of any version, the same one too). */
  putView(name: ViewName, version: string, view: BuiltView<unknown>): Promise<void>;
}
