import * as z from 'zod';
import { EQUIPMENT_CLASSES } from './EquipmentClass.ts';
import { levelRecord } from './levelRecord.ts';

const passList = z.array(z.enum(EQUIPMENT_CLASSES)).min(1);
/** A [latitude, longitude] vertex of a road's centre line. */
const vertex = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);

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
  passes: passList,
  /** Whether de-icing agent may be spread here (key, first- and second-grade roads only). */
  agentAllowed: z.boolean(),
  /** The road as a line (first vertex = where work starts, last = where it ends); latitude/longitude stay its reference point. */
  line: z.array(vertex).min(2).optional(),
  /** Passes the road needs at a level, when they differ from `passes` (e.g. pre-treat only at IV). */
  passesByLevel: levelRecord(passList).optional(),
  /** The plan's time target at a level: hours from the start of work until the road is passable. */
  targetHoursByLevel: levelRecord(z.number().positive().max(72)).optional(),
});
export type Road = z.infer<typeof roadSchema>;
