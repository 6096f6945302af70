import * as z from 'zod';
import { EQUIPMENT_CLASSES } from './EquipmentClass.ts';

export const roadSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  zoneId: z.string().min(1),
  /** 1: hub and arterial roads, bridges, slopes, hospital access; 2: secondary and bus; 3: branch roads and lanes. */
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  laneKm: z.number().positive(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Passes the road needs, in order (open first, clean after): e.g. spreader, then plough. */
  passes: z.array(z.enum(EQUIPMENT_CLASSES)).min(1),
  /** Whether de-icing agent may be spread here (key, first- and second-grade roads only). */
  agentAllowed: z.boolean(),
});
export type Road = z.infer<typeof roadSchema>;
