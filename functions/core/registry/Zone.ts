import * as z from '../../config/zod.ts';
import { latitude, longitude } from './coordinates.ts';

// Built on first use (z.lazy), like the other registry records: only registry edits and imports parse them,
// so a cold start that does neither does not build them (npm run bench:bundles).
export const zoneSchema = z.lazy(() => z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** The unit answerable for this zone (分片包干). */
  responsibleUnit: z.string().check(z.minLength(1)),
  latitude: latitude(),
  longitude: longitude(),
  /** Forecast providers in the order the poller tries them. */
  providers: z._default(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)), ['open-meteo']),
}));
export type Zone = z.infer<typeof zoneSchema>;
