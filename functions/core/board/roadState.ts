import type { TaskState } from '../operations/Task.ts';

/** How the board colours a road: by its most urgent pass, most urgent first. */
export const ROAD_STATES = ['short', 'planned', 'dispatched', 'acknowledged', 'on-site', 'done'] as const;
export type RoadState = (typeof ROAD_STATES)[number];

/** A task's state as the map shows it; a cancelled task says nothing about its road (undefined). */
export function roadStateOfTask(state: TaskState): RoadState | undefined {
  switch (state) {
    case 'cancelled': return undefined;
    case 'cannot': return 'short';
    case 'verified': return 'done';
    default: return state;
  }
}

/** The more urgent of two road states. */
export function moreUrgent(a: RoadState | undefined, b: RoadState): RoadState {
  return a === undefined || ROAD_STATES.indexOf(b) < ROAD_STATES.indexOf(a) ? b : a;
}
