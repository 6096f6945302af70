import type { SnowWaterAhead } from '../forecast/snowWaterAhead.ts';
import type { LoggedEntry } from '../log/LoggedEntry.ts';
import type { BlizzardThreshold } from '../registry/CityPlan.ts';
import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import type { RoadState } from './roadState.ts';
import type { WaveSms } from '../dispatch/WaveSms.ts';
import type { ReasonCode } from '../text/ReasonCode.ts';

/** The headline figures of the open (or last) activation. */
export interface BoardKpis {
  tier1LaneKm: number;
  tier1PassableLaneKm: number;
  /** When the plan wants tier 1 passable: activation + the plan's tier-1 target hours at its level. */
  tier1TargetAt: string | null;
  /** Tier-1 roads not yet passable whose estimate or target has passed. */
  tier1Late: boolean;
  crewsOut: number;
  tasks: number;
  tasksDone: number;
  /** Taskings escalated past the first SMS and still unconfirmed. */
  unconfirmed: number;
  unreachable: number;
  cannot: number;
  short: number;
}

/**
 * What the status board shows, in one read. Nothing in it depends on the time of the read except a
 * zone turning stale, so that an idle board's poll is answered 304 by its ETag.
 */
export interface Board {
  city: string;
  timeZone: string;
  forecastLevel: ResponseLevel;
  staleAfterMinutes: number;
  zones: {
    zoneId: string; name: string; forecastLevel: ResponseLevel; activationLevel: ResponseLevel | null;
    evidence: Evidence[]; provider: string | null; lastSuccessAt: string | null; lastError: string | null; watch: boolean; stale: boolean;
    /** The last good forecast's snow water ahead, hour by hour; null before any. */
    hourly: SnowWaterAhead | null;
  }[];
  /** The plan's blizzard thresholds (snow water over a rolling window), drawn on each zone's forecast strip. */
  thresholds: BlizzardThreshold[];
  activation: { id: string; level: ActiveLevel; status: 'open' | 'stood-down'; openedAt: string; openedBy: string; reason: string; reasonCode: ReasonCode | null; wave: number; closedAt: string | null; waveSms: WaveSms | null } | null;
  /** Road id -> the state of its most urgent pass; roads not in the activation's scope are absent. */
  roads: Record<string, RoadState>;
  kpis: BoardKpis | null;
  /** The latest response-log entries, newest first. */
  ticker: LoggedEntry[];
}
