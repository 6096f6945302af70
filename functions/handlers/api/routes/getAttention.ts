import * as z from '../../../config/zod.ts';
import { needsAttention } from '../../../core/attention/needsAttention.ts';
import { READERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { reasonCodeSchema } from '../schemas/reasonCode.ts';

const attentionItemSchema = z.lazy(() => z.object({
  kind: z.enum(['unconfirmed', 'unreachable', 'cannot', 'shortfall', 'stale-forecast', 'unparsed-reply']),
  at: z.string(),
  crewId: z.nullable(z.string()), crewName: z.nullable(z.string()), zoneId: z.nullable(z.string()),
  taskCodes: z.array(z.string()).check(z.describe('the tasks it is about: reassign them')),
  text: z.nullable(z.string()).check(z.describe('an unparsed reply as the crew sent it')),
  detail: z.string().check(z.describe('in English, for scripts')),
  reasonCode: reasonCodeSchema,
}).register(z.globalRegistry, { id: 'AttentionItem' }));

export const getAttentionRoute = defineRoute({
  method: 'GET', path: '/attention', operationId: 'getAttention', tag: 'operations', access: READERS,
  summary: 'Read the needs-attention queue',
  description: 'What a duty officer must act on, oldest first: taskings unconfirmed after escalation, unreachable leaders, "cannot" replies, road passes left short, stale forecasts, and every crew reply the parser could not read (with its text and crew) until the officer answers that crew by SMS. Phones are masked.',
  responses: { 200: { description: 'the queue', schema: z.lazy(() => z.object({ activationId: z.nullable(z.string()), items: z.array(attentionItemSchema) })) } },
  handle: async ({ deps }) => json(200, await needsAttention(deps)),
});
