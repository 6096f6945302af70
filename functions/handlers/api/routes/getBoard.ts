import { readBoard } from '../../../core/board/readBoard.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { boardSchema } from '../schemas/board.ts';

export const getBoardRoute = defineRoute({
  method: 'GET', path: '/board', operationId: 'getBoard', tag: 'operations', access: READERS,
  summary: 'Read the status board',
  description: 'What the console\'s board shows in one read: each zone\'s level, evidence and forecast age, the open (or last) activation, every road\'s most urgent pass state, the headline figures and the latest log lines. Poll it with If-None-Match: while nothing changes the answer is 304.',
  responses: { 200: { description: 'the board', schema: boardSchema } },
  handle: async ({ deps }) => json(200, await readBoard(deps)),
});
