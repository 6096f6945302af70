import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Evidence } from '../triggers/Evidence.ts';

/** What the poller last concluded for a zone. */
export interface ZoneState {
  zoneId: string;
  level: ResponseLevel;
  evidence: Evidence[];
  provider: string | null;
  lastSuccessAt: string | null;
  lastPollAt: string;
  lastError: string | null;
}
