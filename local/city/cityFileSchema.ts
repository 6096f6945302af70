import * as z from 'zod';
import { cityPlanSchema } from '../../functions/core/registry/CityPlan.ts';
import { crewSchema } from '../../functions/core/registry/Crew.ts';
import { depotSchema } from '../../functions/core/registry/Depot.ts';
import { roadSchema } from '../../functions/core/registry/Road.ts';
import { vehicleSchema } from '../../functions/core/registry/Vehicle.ts';
import { zoneSchema } from '../../functions/core/registry/Zone.ts';

/** A whole city in one readable file: plan, zones, depots, roads, crews, vehicles. */
export const cityFileSchema = z.object({
  plan: cityPlanSchema,
  zones: z.array(zoneSchema).min(1),
  depots: z.array(depotSchema).default([]),
  roads: z.array(roadSchema),
  crews: z.array(crewSchema),
  vehicles: z.array(vehicleSchema),
});
export type CityFile = z.infer<typeof cityFileSchema>;
