import type { ReasonCode } from '../text/ReasonCode.ts';
import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { StartKept } from './StartingTeams.ts';

/** One pass on one road for one team, with its estimated times. */
export interface PlannedTask {
  roadId: string;
  roadName: string;
  zoneId: string;
  tier: 1 | 2 | 3;
  pass: EquipmentClass;
  laneKm: number;
  /** Position in the team's ordered list, from 1. */
  sequence: number;
  /** When the team must start this task, UTC ISO. */
  startBy: string;
  /** When the road is estimated passable after this pass, UTC ISO. */
  passableAt: string;
  /** Deadhead travel to reach this road, km. */
  travelKm: number;
  /** When the plan's time target for the road at its level falls, UTC ISO (absent: no target). */
  targetAt?: string;
}

/** A certified crew with a ready vehicle and the tasks it does in order. */
export interface Team {
  crewId: string;
  vehicleId: string;
  vehicleLabel: string;
  vehicleClass: EquipmentClass;
  depot: string;
  /** True when the crew works outside its own zone (lent). */
  lent: boolean;
  tasks: PlannedTask[];
  /** When the crew's shift or rest rule ends its work, UTC ISO. */
  availableUntil?: string;
}

/** A road pass left without a team, and why, in words a duty officer can act on. */
export interface Shortfall {
  roadId: string;
  roadName: string;
  zoneId: string;
  tier: 1 | 2 | 3;
  pass: EquipmentClass;
  laneKm: number;
  reason: string;
  /** The reason's code and figures, for a reader that says it in another language (absent on a shortfall queued before codes were kept). */
  reasonCode?: ReasonCode;
}

/** How good a plan is, in the planner's objective (model times: each task charged a depot round trip). */
export interface PlanStats {
  objective: number;
  /** Unassigned lane-km by tier (index 0 = tier 1). */
  unassignedLaneKm: [number, number, number];
  /** Hours after the start until every tasked tier-1 pass is done (model estimate; the schedule is no later). */
  tier1PassableH: number;
  deadheadKm: number;
  lentTasks: number;
  /** Tasks the schedule fitted into time the model's conservative travel left over. */
  filledTasks: number;
  iterations: number;
  /** Work units the search spent of its budget, and whether the wall-clock safety cap stopped it instead. */
  work: number;
  workBudget: number;
  hitSafetyCap: boolean;
  /** What the planner kept of the plan it was given to start from, before its search (absent: it started from nothing). */
  kept?: StartKept;
  /** Planning time, when the planner was given a clock. */
  ms?: number;
}

export interface AssignmentPlan {
  teams: Team[];
  shortfalls: Shortfall[];
  /** Present when the plan came from a planner that measures itself. */
  stats?: PlanStats;
}
