import * as z from '../../../config/zod.ts';
import { maskPhones } from '../../../core/log/maskPhones.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { queryInstant, queryInt } from '../schemas/common.ts';
import { loggedEntrySchema } from '../schemas/logEntry.ts';
import { resolveActivationId } from './resolveActivationId.ts';

export const getLogRoute = defineRoute({
  method: 'GET', path: '/logs/{stream}', operationId: 'getLog', tag: 'log', access: READERS,
  summary: 'Read the response log',
  description: 'A page of the append-only response log in time order: an activation\'s (its id, or "current"), "system" (forecast failures, proposals, unknown senders) or "registry" (who changed the registry) or "citizen" (citizen reports, by case). Follow `next` for the next page. Phones are masked.',
  params: z.lazy(() => z.object({ stream: z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9_-]+$/, 'a stream is an activation id, "current", "system", "registry" or "citizen"')) })),
  query: z.lazy(() => z.strictObject({
    limit: queryInt(1, 500, 100).check(z.describe('entries per page (1 to 500, default 100)')),
    cursor: z.optional(z.string().check(z.maxLength(1000))).check(z.describe('the `next` of the previous page')),
    from: z.optional(queryInstant).check(z.describe('only entries at or after this time')),
    to: z.optional(queryInstant).check(z.describe('only entries before this time')),
  })),
  responses: { 200: { description: 'a page, oldest first', schema: z.lazy(() => z.object({ stream: z.string(), entries: z.array(loggedEntrySchema), next: z.optional(z.string()).check(z.describe('cursor of the next page; absent on the last')) })) } },
  handle: async ({ deps, params, query }) => {
    const stream = params.stream === 'system' || params.stream === 'registry' ? params.stream : await resolveActivationId(deps, params.stream);
    const page = await deps.log.page(stream, { limit: query.limit, cursor: query.cursor, from: query.from, to: query.to });
    return json(200, { stream, entries: maskPhones(page.entries), ...(page.next ? { next: page.next } : {}) });
  },
});
