import * as z from '../../config/zod.ts';
import { latitude, longitude } from './coordinates.ts';
import { boundedText, recordId } from './boundedText.ts';
import { TEXT_LIMITS } from './limits.ts';

// Built on first use (z.lazy), like the other registry records: only registry edits and imports parse them,
// so a cold start that does neither does not build them (npm run bench:bundles).
export const zoneSchema = z.lazy(() => z.object({
  id: recordId(),
  name: boundedText(TEXT_LIMITS.zoneName),
  /** The unit answerable for this zone (分片包干). */
  responsibleUnit: boundedText(TEXT_LIMITS.responsibleUnit),
  latitude: latitude(),
  longitude: longitude(),
  /**
   * Codes official warnings name this zone by (GB/T 2260 "410802", UGC "MNZ020", EMMA_ID "UK105", written
   * bare or as "NAME:value"); a warning also covers the zone when its polygon or circle holds the zone's point.
   */
  warningAreas: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Forecast providers in the order the poller tries them. */
  providers: z._default(z.array(boundedText(TEXT_LIMITS.providerName)).check(z.minLength(1), z.maxLength(5)), ['open-meteo']),
}));
export type Zone = z.infer<typeof zoneSchema>;
