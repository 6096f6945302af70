import * as z from '../../config/zod.ts';
import { EQUIPMENT_CLASSES } from './EquipmentClass.ts';

export const VEHICLE_STATUSES = ['ready', 'assigned', 'maintenance', 'out-of-service'] as const;

// Built on first use (z.lazy), like the other registry records: only registry edits and imports parse them,
// so a cold start that does neither does not build them (npm run bench:bundles).
export const vehicleSchema = z.lazy(() => z.object({
  id: z.string().check(z.minLength(1)),
  /** Plate or fleet number, as crews know it. */
  label: z.string().check(z.minLength(1)),
  class: z.enum(EQUIPMENT_CLASSES),
  zoneId: z.string().check(z.minLength(1)),
  depot: z.string().check(z.minLength(1)),
  status: z.enum(VEHICLE_STATUSES),
  /** Lane-km the vehicle treats per hour of work. */
  workRateLaneKmPerH: z.number().check(z.positive()),
  /** Whether its agent is chloride (never on agent-free roads). Spreaders only. */
  chlorideAgent: z._default(z.boolean(), false),
  /** Lane-km one full load of material treats (spreaders, snow-melters); the vehicle reloads at its depot. Absent: no limit. */
  materialCapacityLaneKm: z.optional(z.number().check(z.positive())),
}));
export type Vehicle = z.infer<typeof vehicleSchema>;
