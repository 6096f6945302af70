import * as z from 'zod';

/** What became of the SMS a change owes crews: sent before the answer (local runtime) or on the dispatch queue (deployed). */
export const dispatchReceiptSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('sent'), sent: z.number().int(), skipped: z.number().int(), failed: z.number().int(),
    cancellationNotices: z.number().int().describe('crews told that tasks they had been sent were cancelled'),
  }).describe('sent before the answer (the local runtime)'),
  z.object({ mode: z.literal('queued') })
    .describe('on the dispatch queue (deployed): the dispatcher sends at the SMS pace; GET /activations/{id}/tasks and the response log show the progress'),
]).meta({ id: 'DispatchReceipt' });
