import * as z from 'zod';

export const zoneSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The unit answerable for this zone (分片包干). */
  responsibleUnit: z.string().min(1),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Forecast providers in the order the poller tries them. */
  providers: z.array(z.string().min(1)).min(1).default(['open-meteo']),
});
export type Zone = z.infer<typeof zoneSchema>;
