import * as z from '../../config/zod.ts';
import { latitude, longitude } from './coordinates.ts';
import { boundedText, recordId } from './boundedText.ts';
import { TEXT_LIMITS } from './limits.ts';

// Built on first use (z.lazy), like the other registry records: only registry edits and imports parse them,
// so a cold start that does neither does not build them (npm run bench:bundles).
/** A depot (车场): where a zone's crews muster and its vehicles are kept, refilled and reloaded. */
export const depotSchema = z.lazy(() => z.object({
  id: recordId(),
  /** Name as crews know it; crews and vehicles may name their depot by id or by this name. */
  name: boundedText(TEXT_LIMITS.depot),
  zoneId: recordId(),
  latitude: latitude(),
  longitude: longitude(),
  /** The unit that runs the depot, when it is not the zone's responsible unit. */
  responsibleUnit: z.optional(boundedText(TEXT_LIMITS.responsibleUnit)),
}));
export type Depot = z.infer<typeof depotSchema>;
