import * as z from '../../config/zod.ts';
import { RESPONSE_LEVELS } from '../../core/levels/ResponseLevel.ts';

/**
 * The body of a planning-queue message, as SqsPlanningRequests writes it and the activation planner
 * Lambda reads it: one source for both ends.
 */
export const planningRequestMessageSchema = z.object({
  activationId: z.string().check(z.minLength(1)),
  wave: z.number().check(z.int(), z.minimum(1)),
  upgradedFrom: z.optional(z.object({
    level: z.enum(['IV', 'III', 'II', 'I']),
    zoneLevels: z.record(z.string(), z.enum(RESPONSE_LEVELS)),
    wave: z.number().check(z.int()),
    upgradedAt: z.string(),
  })),
});

export type PlanningRequestMessage = z.infer<typeof planningRequestMessageSchema>;
