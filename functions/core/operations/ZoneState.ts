import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { SnowWaterAhead } from '../forecast/snowWaterAhead.ts';
import type { Evidence } from '../triggers/Evidence.ts';

/** What the poller last concluded for a zone. Fields after `lastError` were added later and may be absent. */
export interface ZoneState {
  zoneId: string;
  /** The zone's level after hysteresis: what the city acts on. */
  level: ResponseLevel;
  evidence: Evidence[];
  provider: string | null;
  lastSuccessAt: string | null;
  lastPollAt: string;
  lastError: string | null;
  /** What the last good forecast gave (due within the lead time), before hysteresis. */
  forecastLevel?: ResponseLevel;
  /** Consecutive polls whose forecast was below `level`. */
  belowCount?: number;
  /** Highest level among those polls below (what the zone drops to). */
  recentMax?: ResponseLevel;
  /** The forecast holds more than is due yet. */
  watch?: boolean;
  watchLevel?: ResponseLevel;
  /** The watch level the duty officer was last told about (once per watch episode and level). */
  watchNotifiedLevel?: ResponseLevel;
  /** First poll of the current run of polls on which every provider failed. */
  failingSince?: string | null;
  /** When the stale-forecast alarm went out for the current failing run (once per episode). */
  staleAlarmedAt?: string | null;
  /** The last good forecast's snow water ahead, hour by hour (kept while every provider fails, for the board's strip). */
  hourly?: SnowWaterAhead;
}
