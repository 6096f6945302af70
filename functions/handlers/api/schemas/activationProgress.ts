import * as z from '../../../config/zod.ts';
import { lazyOnce } from './lazyOnce.ts';
import type { ActivationProgress } from '../../../core/operations/ActivationProgress.ts';
import { dispatchReceiptSchema } from './dispatchReceipt.ts';
import { reasonCodeSchema } from './reasonCode.ts';
import { waveSmsSchema } from './waveSms.ts';

export const bookedSummarySchema = lazyOnce(() => z.object({
  tasks: z.number().check(z.int()),
  crews: z.number().check(z.int()),
  laneKmByTier: z.object({ 1: z.number(), 2: z.number(), 3: z.number() }),
}).check(z.describe('what the wave booked; the tasks themselves are at GET /activations/{id}/tasks (a big city has thousands)')).register(z.globalRegistry, { id: 'BookedSummary' }));

export const activationProgressSchema = lazyOnce(() => z.object({
  wave: z.number().check(z.int(), z.describe('the wave this is about: 1 for the activation, higher for each upgrade')),
  phase: z.enum(['planning', 'booking', 'dispatching', 'active', 'failed']).check(z.describe('planning -> booking -> dispatching -> active, or failed (see reason); poll GET /activations/{id} until active or failed')),
  at: z.string().check(z.describe('when the phase was entered')),
  booked: z.optional(bookedSummarySchema),
  waveSms: z.optional(waveSmsSchema),
  shortfalls: z.optional(z.number().check(z.int(), z.describe('road passes the wave left without a team; each is a road.shortfall entry in the response log'))),
  dispatch: z.optional(dispatchReceiptSchema),
  reason: z.optional(z.string().check(z.describe('why the wave failed: its bookings were removed and the activation closed (or, for an upgrade, lowered back)'))),
  reasonCode: z.optional(reasonCodeSchema).check(z.describe('the same as a code (wave-failed: wave, level, then = closed | lowered | kept, error), for a console to say in its own language')),
}).check(z.describe('where the planning of an officer\'s latest wave stands (absent on activations the poller opened and planned itself)')).register(z.globalRegistry, { id: 'ActivationProgress' }));

const _sameShape: [z.infer<typeof activationProgressSchema>, ActivationProgress] = [{} as ActivationProgress, {} as z.infer<typeof activationProgressSchema>];
void _sameShape;
