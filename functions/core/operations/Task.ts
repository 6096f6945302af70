import type { EquipmentClass } from '../registry/EquipmentClass.ts';

/** The closed loop a task runs (受理 … 核查): planned, dispatched, acknowledged, on site, done, verified. */
export const TASK_STATES = ['planned', 'dispatched', 'acknowledged', 'on-site', 'done', 'verified', 'cannot', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** States that still hold a crew and vehicle. */
export const OPEN_TASK_STATES: readonly TaskState[] = ['planned', 'dispatched', 'acknowledged', 'on-site'];

/** One pass on one road by one team. */
export interface Task {
  id: string;
  /** Short code a leader can type in a reply, e.g. "T07". */
  code: string;
  activationId: string;
  roadId: string;
  roadName: string;
  zoneId: string;
  tier: 1 | 2 | 3;
  pass: EquipmentClass;
  laneKm: number;
  crewId: string;
  vehicleId: string;
  vehicleLabel: string;
  depot: string;
  sequence: number;
  startBy: string;
  passableAt: string;
  state: TaskState;
  wave: number;
  updatedAt: string;
}
