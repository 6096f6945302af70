import * as z from '../../../config/zod.ts';
import { sendOfficerMessage } from '../../../core/dispatch/sendOfficerMessage.ts';
import { boundedProse } from '../../../core/registry/boundedText.ts';
import { OFFICERS } from '../auth/access.ts';
import { json } from '../http/ApiResponse.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { defineRoute } from '../http/RouteDefinition.ts';

export const sendCrewMessageBodySchema = z.lazy(() => z.strictObject({
  text: boundedProse(1, 335, { type: 'text must be the message to send', min: 'text is empty: write the message to send', max: 'keep the message within 5 SMS segments (335 Chinese characters)' }),
  to: z._default(z.enum(['leader', 'backup'], { error: 'to must be leader or backup' }), 'leader'),
}).register(z.globalRegistry, { id: 'CrewMessageRequest' }));

export const sendCrewMessageRoute = defineRoute({
  method: 'POST', path: '/crews/{crewId}/messages', operationId: 'sendCrewMessage', tag: 'activations', access: OFFICERS, idempotent: true,
  summary: 'Send a crew leader an SMS',
  description: 'The duty officer\'s own words to a crew\'s leader (or backup). Needs an Idempotency-Key: the message is recorded under it before it is sent, so a double click or a retry sends one SMS. Logged with its text and segment count; it answers the crew\'s unread replies in the needs-attention queue.',
  params: z.lazy(() => z.object({ crewId: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_.:-]+$/, 'a crew id has letters, digits and . _ : - only')) })),
  body: sendCrewMessageBodySchema,
  responses: {
    201: { description: 'recorded and sent (or failed: see state)', schema: z.lazy(() => z.object({ messageId: z.string(), state: z.enum(['queued', 'sent', 'failed', 'in-doubt']), segments: z.number().check(z.int()), encoding: z.enum(['GSM-7', 'UCS-2']), to: z.string().check(z.describe('masked phone')) })) },
  },
  handle: async ({ deps, params, body, principal, idempotencyKey }) => {
    if (!idempotencyKey) {
      throw new ProblemError(400, 'validation', 'Invalid request', 'send an Idempotency-Key header (e.g. a UUID) so that this SMS goes out once however often the request is repeated', { errors: [{ in: 'header', field: 'Idempotency-Key', detail: 'required on this route' }] });
    }
    return json(201, await sendOfficerMessage(deps, { crewId: params.crewId, to: body.to, text: body.text, actor: principal.username, key: idempotencyKey }));
  },
});
