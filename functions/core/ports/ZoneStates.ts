import type { ZoneState } from '../operations/ZoneState.ts';

/** What the poller last concluded for each zone. */
export interface ZoneStates {
  getZoneStates(): Promise<ZoneState[]>;
  putZoneState(state: ZoneState): Promise<void>;
}
