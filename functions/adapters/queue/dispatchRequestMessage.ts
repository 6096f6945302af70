import * as z from '../../config/zod.ts';
import { EQUIPMENT_CLASSES } from '../../core/registry/EquipmentClass.ts';

/**
 * The body of a dispatch-queue message, as SqsDispatchRequests writes it and the dispatcher Lambda
 * reads it: one source for both ends, so the two cannot drift apart.
 */
export const dispatchRequestMessageSchema = z.object({
  activationId: z.string().check(z.minLength(1)),
  /** Streamed teams: only these tasks are dispatched (no whole-wave read); absent, the whole current wave. */
  taskIds: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  shortfalls: z.optional(z.array(z.object({
    roadId: z.string(), roadName: z.string(), zoneId: z.string(), tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    pass: z.enum(EQUIPMENT_CLASSES), laneKm: z.number(), reason: z.string(),
  }))),
});

export type DispatchRequestMessage = z.infer<typeof dispatchRequestMessageSchema>;
