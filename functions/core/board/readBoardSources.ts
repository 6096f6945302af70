import type { BoardChange, BoardMark } from '../ports/BoardVersion.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import { boardCase, boardTask, type BoardSources } from './BoardSources.ts';
import { mergeChanges } from './mergeChanges.ts';

/** However still the board, its sources are read whole at least this often (a write whose bump was lost to a crash shows by then). */
export const WHOLE_AT_LEAST_EVERY_MS = 10 * 60_000;
/** Past this many changed tasks (or cases), reading them all (a few queries) costs less than one by one. */
const BY_ID_AT_MOST = { tasks: 500, cases: 40 };

export type SourcesDeps = Pick<CoreDeps, 'tasks' | 'taskingCases' | 'shortfalls' | 'boardVersion' | 'views' | 'clock'>;

/** How the sources were come by: kept as they were, brought up to date from what changed, or read whole. */
export type SourcesRead = 'kept' | 'changed' | 'whole';

/**
 * The board's sources for an activation at `mark` (read before this): those kept by an earlier reader (any
 * container), brought up to date by reading only the tasks and cases changed since their mark, else read whole
 * (none kept, too old, or their changes no longer all known); kept again for the next reader when they moved.
 */
export async function readBoardSources(deps: SourcesDeps, activationId: string, mark: BoardMark): Promise<{ sources: BoardSources; read: SourcesRead }> {
  const now = deps.clock.now();
  const latest = await deps.views.getLatestView<BoardSources>('board-sources');
  const kept = latest?.view.value.activationId === activationId && now.getTime() - Date.parse(latest.view.builtAt) < WHOLE_AT_LEAST_EVERY_MS ? latest.view : undefined;
  // Kept at this mark, or at a later one by a reader that came after: as new as this reader needs.
  if (kept && kept.value.mark.version >= mark.version) return { sources: kept.value, read: 'kept' };
  const changes = kept ? await deps.boardVersion.changesBetween(kept.value.mark, mark) : undefined;
  const changed = kept && changes ? await applyChanges(deps, kept.value, mergeChanges(changes), mark) : undefined;
  const sources = changed ?? (await readWhole(deps, activationId, mark));
  // A brought-up-to-date view keeps the time of the whole read it started from: that read is what the backstop counts from.
  await deps.views.putView('board-sources', `${activationId}@${mark.version}`, { value: sources, builtAt: changed ? kept!.builtAt : now.toISOString() });
  return { sources, read: changed ? 'changed' : 'whole' };
}

async function readWhole(deps: SourcesDeps, activationId: string, mark: BoardMark): Promise<BoardSources> {
  const [tasks, cases, short] = await Promise.all([deps.tasks.listTasks(activationId), deps.taskingCases.listTaskingCases(activationId), deps.shortfalls.listReportedShortfalls(activationId)]);
  return { activationId, mark, tasks: tasks.map(boardTask), cases: cases.map(boardCase), short: [...short] };
}

/** `kept` with the tasks and cases `change` names read again (those gone, left out) and its passes marked short; undefined when reading whole is the way. */
async function applyChanges(deps: SourcesDeps, kept: BoardSources, change: BoardChange, mark: BoardMark): Promise<BoardSources | undefined> {
  const a = kept.activationId;
  const taskIds = change.tasks?.[a] ?? [];
  const caseIds = change.cases?.[a] ?? [];
  if (change.all || taskIds.length > BY_ID_AT_MOST.tasks) return undefined;
  const [tasks, cases] = await Promise.all([
    taskIds.length > 0 ? deps.tasks.getTasks(a, taskIds) : Promise.resolve([]),
    caseIds.length > BY_ID_AT_MOST.cases ? deps.taskingCases.listTaskingCases(a) : Promise.all(caseIds.map((id) => deps.taskingCases.getTaskingCase(a, id))),
  ]);
  const taskById = new Map(kept.tasks.map((t) => [t.id, t]));
  for (const id of taskIds) taskById.delete(id);
  for (const t of tasks) taskById.set(t.id, boardTask(t));
  const wholeCases = caseIds.length > BY_ID_AT_MOST.cases;
  const caseById = new Map(wholeCases ? [] : kept.cases.map((c) => [c.id, c]));
  for (const c of cases) if (c) caseById.set(c.id, boardCase(c));
  const short = new Set([...kept.short, ...(change.shortfalls?.[a] ?? [])]);
  return { activationId: a, mark, tasks: [...taskById.values()], cases: [...caseById.values()], short: [...short] };
}
