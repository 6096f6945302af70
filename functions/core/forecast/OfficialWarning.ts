/** Signal colours of the Chinese (and CAP-style) warning scheme: blue lowest, red highest. */
export const WARNING_COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

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
}
