import * as z from '../../config/zod.ts';
import { EQUIPMENT_CLASSES } from './EquipmentClass.ts';
import { boundedNumber, boundedText, recordId } from './boundedText.ts';
import { NUMBER_LIMITS, TEXT_LIMITS } from './limits.ts';

export const VEHICLE_STATUSES = ['ready', 'assigned', 'maintenance', 'out-of-service'] as const;

// Built on first use (z.lazy), like the other registry records: only registry edits and imports parse them,
// so a cold start that does neither does not build them (npm run bench:bundles).
export const vehicleSchema = z.lazy(() => z.object({
  id: recordId(),
  /** Plate or fleet number, as crews know it. */
  label: boundedText(TEXT_LIMITS.vehicleLabel),
  class: z.enum(EQUIPMENT_CLASSES),
  zoneId: recordId(),
  depot: boundedText(TEXT_LIMITS.depot),
  status: z.enum(VEHICLE_STATUSES),
  /** Lane-km the vehicle treats per hour of work. */
  workRateLaneKmPerH: boundedNumber(NUMBER_LIMITS.workRateLaneKmPerH),
  /** Whether its agent is chloride (never on agent-free roads). Spreaders only. */
  chlorideAgent: z._default(z.boolean(), false),
  /** Lane-km one full load of material treats (spreaders, snow-melters); the vehicle reloads at its depot. Absent: no limit. */
  materialCapacityLaneKm: z.optional(boundedNumber(NUMBER_LIMITS.materialCapacityLaneKm)),
}));
export type Vehicle = z.infer<typeof vehicleSchema>;
