import * as z from 'zod';
import { EQUIPMENT_CLASSES } from './EquipmentClass.ts';

export const VEHICLE_STATUSES = ['ready', 'assigned', 'maintenance', 'out-of-service'] as const;

export const vehicleSchema = z.object({
  id: z.string().min(1),
  /** Plate or fleet number, as crews know it. */
  label: z.string().min(1),
  class: z.enum(EQUIPMENT_CLASSES),
  zoneId: z.string().min(1),
  depot: z.string().min(1),
  status: z.enum(VEHICLE_STATUSES),
  /** Lane-km the vehicle treats per hour of work. */
  workRateLaneKmPerH: z.number().positive(),
  /** Whether its agent is chloride (never on agent-free roads). Spreaders only. */
  chlorideAgent: z.boolean().default(false),
  /** Lane-km one full load of material treats (spreaders, snow-melters); the vehicle reloads at its depot. Absent: no limit. */
  materialCapacityLaneKm: z.number().positive().optional(),
});
export type Vehicle = z.infer<typeof vehicleSchema>;
