import type { BoardChange } from '../ports/BoardVersion.ts';

type Keyed = Record<string, string[]>;

function mergeKeyed(changes: readonly (Keyed | undefined)[]): Keyed | undefined {
  const out = new Map<string, Set<string>>();
  for (const keyed of changes) {
    for (const [activationId, ids] of Object.entries(keyed ?? {})) {
      const set = out.get(activationId) ?? new Set<string>();
      for (const id of ids) set.add(id);
      out.set(activationId, set);
    }
  }
  return out.size === 0 ? undefined : Object.fromEntries([...out].map(([a, ids]) => [a, [...ids].sort()]));
}

/** Several changes as one: every id each names, once; `all` when any of them says all. */
export function mergeChanges(changes: readonly BoardChange[]): BoardChange {
  if (changes.some((c) => c.all)) return { all: true };
  const tasks = mergeKeyed(changes.map((c) => c.tasks));
  const cases = mergeKeyed(changes.map((c) => c.cases));
  const shortfalls = mergeKeyed(changes.map((c) => c.shortfalls));
  return { ...(tasks ? { tasks } : {}), ...(cases ? { cases } : {}), ...(shortfalls ? { shortfalls } : {}) };
}

/** How many ids a change names. */
export function changeSize(change: BoardChange): number {
  let n = 0;
  for (const keyed of [change.tasks, change.cases, change.shortfalls]) for (const ids of Object.values(keyed ?? {})) n += ids.length;
  return n;
}

/** A change naming more ids than this is kept as "all" (a reader reads whole anyway; a stored change stays small). */
export const MAX_CHANGE_IDS = 3_000;

/** The change as a version keeps it: itself, or "all" past MAX_CHANGE_IDS ids. */
export function changeToKeep(change: BoardChange): BoardChange {
  return changeSize(change) > MAX_CHANGE_IDS ? { all: true } : change;
}
