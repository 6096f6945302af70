import type { EquipmentClass } from '../registry/EquipmentClass.ts';

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
}

export interface AssignmentPlan {
  teams: Team[];
  shortfalls: Shortfall[];
}
