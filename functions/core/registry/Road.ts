import * as z from '../../config/zod.ts';
import { latitude, longitude } from './coordinates.ts';
import { EQUIPMENT_CLASSES } from './EquipmentClass.ts';
import { levelRecord } from './levelRecord.ts';
import { boundedNumber, boundedText, recordId } from './boundedText.ts';
import { NUMBER_LIMITS, TEXT_LIMITS } from './limits.ts';

const passList = z.lazy(() => z.array(z.enum(EQUIPMENT_CLASSES)).check(z.minLength(1)));
/** A [latitude, longitude] vertex of a road's centre line. */
const vertex = z.lazy(() => z.tuple([latitude(), longitude()]));

// Built on first use (z.lazy), like the other registry records: only registry edits and imports parse them,
// so a cold start that does neither does not build them (npm run bench:bundles).
export const roadSchema = z.lazy(() => z.object({
  id: recordId(),
  /** Short enough for a tasking SMS (TEXT_LIMITS). */
  name: boundedText(TEXT_LIMITS.roadName),
  zoneId: recordId(),
  /** 1: hub and arterial roads, bridges, slopes, hospital access; 2: secondary and bus; 3: branch roads and lanes. */
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  laneKm: boundedNumber(NUMBER_LIMITS.laneKm),
  latitude: latitude(),
  longitude: longitude(),
  /** Passes the road needs, in order (open first, clean after): e.g. spreader, then plough. */
  passes: passList,
  /** Whether de-icing agent may be spread here (key, first- and second-grade roads only). */
  agentAllowed: z.boolean(),
  /** The road as a line (first vertex = where work starts, last = where it ends); latitude/longitude stay its reference point. */
  line: z.optional(z.array(vertex).check(z.minLength(2), z.maxLength(500))),
  /** Passes the road needs at a level, when they differ from `passes` (e.g. pre-treat only at IV). */
  passesByLevel: z.optional(levelRecord(passList)),
  /** The plan's time target at a level: hours from the start of work until the road is passable. */
  targetHoursByLevel: z.optional(levelRecord(boundedNumber(NUMBER_LIMITS.targetHours))),
}));
export type Road = z.infer<typeof roadSchema>;
