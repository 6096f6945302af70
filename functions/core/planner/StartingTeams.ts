import type { EquipmentClass } from '../registry/EquipmentClass.ts';

/**
 * A plan the search starts from instead of building one (the plan kept ready on watch): each team by
 * its crew and vehicle, with the road passes it held. A Team of an AssignmentPlan is one.
 */
export interface StartingTeam {
  crewId: string;
  vehicleId: string;
  tasks: readonly { roadId: string; pass: EquipmentClass }[];
}

/** What the planner kept of a starting plan once what changed was taken out, before the search improved it. */
export interface StartKept {
  teams: number;
  tasks: number;
}
