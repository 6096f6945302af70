import * as z from 'zod';

/** A depot (车场): where a zone's crews muster and its vehicles are kept, refilled and reloaded. */
export const depotSchema = z.object({
  id: z.string().min(1),
  /** Name as crews know it; crews and vehicles may name their depot by id or by this name. */
  name: z.string().min(1),
  zoneId: z.string().min(1),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** The unit that runs the depot, when it is not the zone's responsible unit. */
  responsibleUnit: z.string().min(1).optional(),
});
export type Depot = z.infer<typeof depotSchema>;
