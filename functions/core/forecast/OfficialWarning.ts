/** Signal colours of the Chinese (and CAP-style) warning scheme: blue lowest, red highest. */
export const WARNING_COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

/** Where a warning applies, as CAP `area` says it: codes (GB/T 2260, UGC, EMMA_ID, …), polygons, circles. */
export interface WarningArea {
  desc: string;
  /** "NAME:value", e.g. "UGC:MNZ020", "EMMA_ID:UK105", "GB/T 2260:410800". */
  geocodes: string[];
  /** Closed rings of [latitude, longitude]. */
  polygons: [number, number][][];
  circles: { latitude: number; longitude: number; radiusKm: number }[];
}

/**
 * An official warning (NWS CAP alert, a national met service's signal) in one shape. Times are UTC ISO;
 * null when the issuer left them out.
 */
export interface OfficialWarning {
  /** Who the feed is: "nws", "qweather", … */
  source: string;
  id: string;
  /** Event name as issued, e.g. "Winter Storm Warning", "暴雪". */
  event: string;
  /** Event code where the feed has one: VTEC "WS.W", QWeather "1004", CMA "0303". */
  code?: string;
  colour?: WarningColour;
  /** CAP severity: Extreme, Severe, Moderate, Minor, Unknown. */
  severity?: string;
  urgency?: string;
  certainty?: string;
  /** CAP messageType: Alert, Update, Cancel. */
  messageType?: string;
  /** When the hazard begins. */
  onset: string | null;
  /** When the hazard is expected to end (CAP `ends`, or `expires` when no end is given). */
  ends: string | null;
  headline?: string;
  /** Further codes the plan may match on: CAP eventCode values, MeteoAlarm awareness_type, the CMA signal name. */
  codes?: string[];
  /** When it was issued (CAP `sent`): a replay at an earlier moment does not know it yet. */
  issuedAt?: string;
  /** Identifiers of the earlier messages this one updates or cancels (CAP `references`). */
  references?: string[];
  /** Where it applies; absent when the feed was already asked for one point (NWS by point, QWeather). */
  areas?: WarningArea[];
}
