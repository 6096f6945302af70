import * as z from 'zod';
import { EQUIPMENT_CLASSES } from '../../core/registry/EquipmentClass.ts';

/**
 * The body of a dispatch-queue message, as SqsDispatchRequests writes it and the dispatcher Lambda
 * reads it: one source for both ends, so the two cannot drift apart.
 */
export const dispatchRequestMessageSchema = z.object({
  activationId: z.string().min(1),
  shortfalls: z.array(z.object({
    roadId: z.string(), roadName: z.string(), zoneId: z.string(), tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    pass: z.enum(EQUIPMENT_CLASSES), laneKm: z.number(), reason: z.string(),
  })).optional(),
});

export type DispatchRequestMessage = z.infer<typeof dispatchRequestMessageSchema>;
