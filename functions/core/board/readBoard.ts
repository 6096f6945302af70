import type { Board } from './Board.ts';
import { boardKpis, nextLateAt } from './boardKpis.ts';
import { readBoardHead, type BoardDeps, type BoardHead } from './readBoardHead.ts';
import { readBoardSources, type SourcesRead } from './readBoardSources.ts';
import { moreUrgent, roadStateOfTask, type RoadState } from './roadState.ts';

/** The whole board, and the first moment after its read at which it would change with nothing written (undefined: none ahead). */
export interface BoardRead {
  board: Board;
  changesAt: string | undefined;
  /** How the activation's tasks and cases were come by (undefined: no activation). */
  sources?: SourcesRead;
}

/** The status board: the head (zones, evidence, activation, latest log lines) with every road's state and the headline figures. */
export async function readBoard(deps: BoardDeps, head?: BoardHead): Promise<BoardRead> {
  const { board, activation, plan, mark } = head ?? (await readBoardHead(deps));
  if (!activation) return { board: { ...board, roads: {}, kpis: null }, changesAt: undefined };
  const { sources: { tasks, cases, short }, read } = await readBoardSources(deps, activation.id, mark);
  const now = deps.clock.now();
  const roads: Record<string, RoadState> = {};
  for (const key of short) roads[key.slice(0, key.lastIndexOf('#'))] = 'short';
  for (const t of tasks) {
    const state = roadStateOfTask(t.state);
    if (state) roads[t.roadId] = moreUrgent(roads[t.roadId], state);
  }
  return {
    board: { ...board, roads, kpis: boardKpis(activation, tasks, cases, short.length, plan.timeTargetsHours, now) },
    changesAt: nextLateAt(activation, tasks, plan.timeTargetsHours, now),
    sources: read,
  };
}
