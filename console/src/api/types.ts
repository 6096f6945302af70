// The shapes of the API answers the console reads (docs/openapi.json is the full contract).
export type Level = 'none' | 'IV' | 'III' | 'II' | 'I';
export type ActiveLevel = Exclude<Level, 'none'>;
export type RoadState = 'short' | 'planned' | 'dispatched' | 'acknowledged' | 'on-site' | 'done';
export type TaskState = 'planned' | 'dispatched' | 'acknowledged' | 'on-site' | 'done' | 'verified' | 'cannot' | 'cancelled';

/** Why, as a code and its parameters (the API's English sentence is beside it): said from console/src/ui/reasons.ts. */
export interface ReasonCode { code: string; params: Record<string, string | number | boolean | null> }

export interface Evidence { rule: string; level: ActiveLevel; provider: string; value: number; threshold: number; unit: string; windowHours: number; from: string; to: string; gapHours: number }
export interface LogEntry { id: string; activationId: string; at: string; actor: string; action: string; subject?: string; details: Record<string, unknown>; reason?: string }

export interface Board {
  city: string; timeZone: string; forecastLevel: Level; staleAfterMinutes: number;
  zones: { zoneId: string; name: string; forecastLevel: Level; activationLevel: Level | null; evidence: Evidence[]; provider: string | null; lastSuccessAt: string | null; lastError: string | null; watch: boolean; stale: boolean; hourly: { from: string; snowWaterMm: (number | null)[] } | null }[];
  thresholds: { level: ActiveLevel; windowHours: number; waterMm: number }[];
  activation: { id: string; level: ActiveLevel; status: 'open' | 'stood-down'; openedAt: string; openedBy: string; reason: string; reasonCode: ReasonCode | null; wave: number; closedAt: string | null; waveSms: WaveSms | null } | null;
  roads: Record<string, RoadState>;
  kpis: { tier1LaneKm: number; tier1PassableLaneKm: number; tier1TargetAt: string | null; tier1Late: boolean; crewsOut: number; tasks: number; tasksDone: number; unconfirmed: number; unreachable: number; cannot: number; short: number } | null;
  ticker: LogEntry[];
}

export interface CityMap {
  scale: number; bounds: [number, number, number, number];
  zones: { id: string; name: string; outline: number[] }[];
  roads: { id: string[]; name: string[]; zone: number[]; tier: number[]; line: number[][] };
}

export interface Task {
  id: string; code: string; activationId: string; roadId: string; roadName: string; zoneId: string; tier: 1 | 2 | 3; pass: string; laneKm: number;
  crewId: string; vehicleId: string; vehicleLabel: string; sequence: number; startBy: string; passableAt: string; state: TaskState; wave: number; updatedAt: string;
}

export interface Preview {
  level: ActiveLevel; timeZone: string;
  teams: { crewId: string; team: string; vehicleId: string; vehicle: string; tasks: { roadId: string; road: string; tier: number; pass: string; laneKm: number; startBy: string; passableAt: string; late: boolean }[] }[];
  shortfalls: { roadId: string; roadName: string; tier: number; pass: string; reason: string; reasonCode?: ReasonCode }[];
  summary: { tasks: number; teams: number; shortfalls: number; late: number; openActivationId: string | null; waveSms?: WaveSms };
}

export interface AttentionItem {
  kind: 'unconfirmed' | 'unreachable' | 'cannot' | 'shortfall' | 'stale-forecast' | 'unparsed-reply';
  at: string; crewId: string | null; crewName: string | null; zoneId: string | null; taskCodes: string[]; text: string | null; detail: string; reasonCode: ReasonCode;
}
export interface Attention { activationId: string | null; items: AttentionItem[] }
export interface Candidates { taskCode: string; pass: string; crews: { id: string; name: string; zoneId: string; vehicles: { id: string; label: string }[] }[] }

/** Where the planning of an officer's wave stands (GET /activations/{id}, ActivationProgress in the OpenAPI document). */
export interface WaveProgress {
  wave: number;
  phase: 'planning' | 'booking' | 'dispatching' | 'active' | 'failed';
  at: string;
  booked?: { tasks: number; crews: number; laneKmByTier: Record<'1' | '2' | '3', number> };
  shortfalls?: number;
  dispatch?: { mode: 'sent'; sent: number; failed: number } | { mode: 'queued' };
  reason?: string;
  reasonCode?: ReasonCode;
  waveSms?: WaveSms;
}

/** A wave's tasking SMS and the least time they take at the stage's pace (the API's WaveSms). */
export interface WaveSms { messages: number; parts: number; partsPerSecond: number; origination: string | null; seconds: number }

/** The parts of an activation the console follows after an officer's activation or upgrade answered 202. */
export interface AcceptedActivation { activation: { id: string; level: ActiveLevel; wave: number; progress?: WaveProgress } }
