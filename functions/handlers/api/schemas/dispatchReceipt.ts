import * as z from '../../../config/zod.ts';
import { lazyOnce } from './lazyOnce.ts';

/** What became of the SMS a change owes crews: sent before the answer (local runtime) or on the dispatch queue (deployed). */
export const dispatchReceiptSchema = lazyOnce(() => z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('sent'), sent: z.number().check(z.int()), skipped: z.number().check(z.int()), failed: z.number().check(z.int()),
    inDoubt: z.number().check(z.int(), z.describe('maybe sent by a run that died before recording it: not sent again')),
    unreachable: z.number().check(z.int(), z.describe('failed for good (invalid number, opted out): handed to the backup leader at once')),
    cancellationNotices: z.number().check(z.int(), z.describe('crews told that tasks they had been sent were cancelled')),
    cancelledTasks: z.optional(z.array(z.string()).check(z.describe('codes of the open tasks cancelled, the activation having been stood down'))),
  }).check(z.describe('sent before the answer (the local runtime)')),
  z.object({ mode: z.literal('queued') })
    .check(z.describe('on the dispatch queue (deployed): the dispatcher sends at the SMS pace; GET /activations/{id}/tasks and the response log show the progress')),
]).register(z.globalRegistry, { id: 'DispatchReceipt' }));
