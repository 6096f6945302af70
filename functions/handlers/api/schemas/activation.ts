import * as z from '../../../config/zod.ts';
import type { Activation } from '../../../core/operations/Activation.ts';
import { evidenceSchema } from '../../../core/triggers/evidenceSchema.ts';
import { activationProgressSchema } from './activationProgress.ts';
import { activeLevelSchema, responseLevelSchema } from './common.ts';
import { reasonCodeSchema } from './reasonCode.ts';

export const activationSchema = z.lazy(() => z.object({
  id: z.string(),
  level: activeLevelSchema,
  zoneLevels: z.record(z.string(), responseLevelSchema),
  status: z.enum(['open', 'stood-down']),
  openedAt: z.string(),
  openedBy: z.string().check(z.describe('"poller" or the officer\'s username')),
  reason: z.string(),
  reasonCode: z.optional(reasonCodeSchema).check(z.describe('the poller\'s reason as a code; absent for an officer\'s own words')),
  evidence: z.array(evidenceSchema).check(z.describe('the forecast evidence when it was opened')),
  wave: z.number().check(z.int()),
  plannedWave: z.optional(z.number().check(z.int(), z.describe('the last wave whose planning finished; below wave while one is being planned'))),
  progress: z.optional(activationProgressSchema),
  closedAt: z.optional(z.string()),
  closedBy: z.optional(z.string()),
  closeReason: z.optional(z.string()),
}).register(z.globalRegistry, { id: 'Activation' }));

const _sameShape: [z.infer<typeof activationSchema>, Activation] = [{} as Activation, {} as z.infer<typeof activationSchema>];
void _sameShape;
