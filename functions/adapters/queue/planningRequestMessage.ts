import * as z from '../../config/zod.ts';
import { RESPONSE_LEVELS } from '../../core/levels/ResponseLevel.ts';

/**
 * The body of a planning-queue message, as SqsPlanningRequests writes it and the activation planner
 * Lambda reads it: one source for both ends. A wave to plan, or the plan kept ready on watch to make.
 */
export const waveRequestMessageSchema = z.object({
  activationId: z.string().check(z.minLength(1)),
  wave: z.number().check(z.int(), z.minimum(1)),
  upgradedFrom: z.optional(z.object({
    level: z.enum(['IV', 'III', 'II', 'I']),
    zoneLevels: z.record(z.string(), z.enum(RESPONSE_LEVELS)),
    wave: z.number().check(z.int()),
    upgradedAt: z.string(),
  })),
});

/** The poller's hand-over of the plan kept ready, to make, confirm or drop (core/readiness/keepReadyOnRequest.ts). */
export const readyPlanRequestMessageSchema = z.object({
  readyPlan: z.object({ requestedAt: z.string() }),
});

export const planningRequestMessageSchema = z.union([readyPlanRequestMessageSchema, waveRequestMessageSchema]);

export type WaveRequestMessage = z.infer<typeof waveRequestMessageSchema>;
export type ReadyPlanRequestMessage = z.infer<typeof readyPlanRequestMessageSchema>;
export type PlanningRequestMessage = z.infer<typeof planningRequestMessageSchema>;
