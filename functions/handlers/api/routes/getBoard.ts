import { readBoard, type BoardRead } from '../../../core/board/readBoard.ts';
import { readBoardHead } from '../../../core/board/readBoardHead.ts';
import { WHOLE_AT_LEAST_EVERY_MS } from '../../../core/board/readBoardSources.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { heldVersionTag, versionKey, versionTag } from '../http/versionTag.ts';
import { memoPer } from '../http/VersionMemo.ts';
import { boardSchema } from '../schemas/board.ts';

const boards = memoPer<BoardRead>();

export const getBoardRoute = defineRoute({
  method: 'GET', path: '/board', operationId: 'getBoard', tag: 'operations', access: READERS,
  summary: 'Read the status board',
  description: 'What the console\'s board shows in one read: each zone\'s level, evidence, forecast strip and forecast age, the plan\'s thresholds, the open (or last) activation, every road\'s most urgent pass state, the headline figures and the latest log lines. Poll it with If-None-Match: while nothing changes the answer is 304, found from a few small reads without reading the activation\'s tasks; after a change, only the tasks and taskings changed since the last read (by any reader) are read.',
  responses: { 200: { description: 'the board', schema: boardSchema } },
  handle: async ({ deps, principal, ifNoneMatch }) => {
    const head = await readBoardHead(deps);
    // Administrators see phone numbers the others see masked: a different answer, so a different tag.
    const key = versionKey([head.version, head.board, principal.roles.includes('admin')]);
    const now = deps.clock.now();
    const held = heldVersionTag(ifNoneMatch, key, now);
    if (held) return { status: 304, headers: { ETag: held } };
    const nowMs = now.getTime();
    const stillGood = ({ changesAt }: BoardRead, builtAt: number) => nowMs - builtAt < WHOLE_AT_LEAST_EVERY_MS && (changesAt === undefined || Date.parse(changesAt) > nowMs);
    const { board, changesAt } = await boards(deps).get(key, nowMs, () => readBoard(deps, head), stillGood);
    const cap = nowMs + WHOLE_AT_LEAST_EVERY_MS;
    const until = new Date(changesAt === undefined ? cap : Math.min(cap, Date.parse(changesAt)));
    return json(200, board, { ETag: versionTag(key, until) });
  },
});
