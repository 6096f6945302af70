import { readBoard, type BoardRead } from '../../../core/board/readBoard.ts';
import { readBoardHead } from '../../../core/board/readBoardHead.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { heldVersionTag, versionKey, versionTag } from '../http/versionTag.ts';
import { memoPer } from '../http/VersionMemo.ts';
import { boardSchema } from '../schemas/board.ts';
import type { BuiltView } from '../../../core/ports/BuiltViews.ts';
import { keptView } from '../../../core/views/keptView.ts';

/** However still the board, it is read whole at least this often (a write whose bump was lost to a crash shows by then). */
const FRESH_AT_MOST_MS = 10 * 60_000;
const boards = memoPer<BuiltView<BoardRead>>();

export const getBoardRoute = defineRoute({
  method: 'GET', path: '/board', operationId: 'getBoard', tag: 'operations', access: READERS,
  summary: 'Read the status board',
  description: 'What the console\'s board shows in one read: each zone\'s level, evidence, forecast strip and forecast age, the plan\'s thresholds, the open (or last) activation, every road\'s most urgent pass state, the headline figures and the latest log lines. Poll it with If-None-Match: while nothing changes the answer is 304, found from a few small reads without reading the activation\'s tasks.',
  responses: { 200: { description: 'the board', schema: boardSchema } },
  handle: async ({ deps, principal, ifNoneMatch }) => {
    const head = await readBoardHead(deps);
    // Administrators see phone numbers the others see masked: a different answer, so a different tag.
    const key = versionKey([head.version, head.board, principal.roles.includes('admin')]);
    const now = deps.clock.now();
    const held = heldVersionTag(ifNoneMatch, key, now);
    if (held) return { status: 304, headers: { ETag: held } };
    const nowMs = now.getTime();
    // Judged by when the board was read from the tasks, whoever read it (this container or another).
    const stillGood = ({ value, builtAt }: BuiltView<BoardRead>) => nowMs - Date.parse(builtAt) < FRESH_AT_MOST_MS && (value.changesAt === undefined || Date.parse(value.changesAt) > nowMs);
    const { value: { board, changesAt } } = await boards(deps).get(key, nowMs, () => keptView(deps.views, 'board', key, now, () => readBoard(deps, head), stillGood), stillGood);
    const cap = nowMs + FRESH_AT_MOST_MS;
    const until = new Date(changesAt === undefined ? cap : Math.min(cap, Date.parse(changesAt)));
    return json(200, board, { ETag: versionTag(key, until) });
  },
});
