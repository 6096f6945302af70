import * as z from 'zod';
import type { Activation } from '../../../core/operations/Activation.ts';
import { evidenceSchema } from '../../../core/triggers/evidenceSchema.ts';
import { activeLevelSchema, responseLevelSchema } from './common.ts';

export const activationSchema = z.object({
  id: z.string(),
  level: activeLevelSchema,
  zoneLevels: z.record(z.string(), responseLevelSchema),
  status: z.enum(['open', 'stood-down']),
  openedAt: z.string(),
  openedBy: z.string().describe('"poller" or the officer\'s username'),
  reason: z.string(),
  evidence: z.array(evidenceSchema).describe('the forecast evidence when it was opened'),
  wave: z.number().int(),
  closedAt: z.string().optional(),
  closedBy: z.string().optional(),
  closeReason: z.string().optional(),
}).meta({ id: 'Activation' });

const _sameShape: [z.infer<typeof activationSchema>, Activation] = [{} as Activation, {} as z.infer<typeof activationSchema>];
void _sameShape;
