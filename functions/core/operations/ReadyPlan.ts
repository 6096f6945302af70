import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Shortfall, Team } from '../planner/PlanTypes.ts';

/**
 * A plan made ahead of the snow (以雪为令: the plan is ready before the snow): while zones are on watch,
 * the teams the planner would book at the levels the forecast implies, remade when the forecast or the
 * registry changes. Nothing in it is booked; an activation repairs it against what changed since.
 */
export interface ReadyPlan {
  /** The level the forecast implies in each zone on watch (zones absent: none). */
  zoneLevels: Record<string, ResponseLevel>;
  /** A fingerprint of what it was planned from (the levels, the registry, who was booked): remade when it changes. */
  inputKey: string;
  madeAt: string;
  /** The last poll that found it still matching what it was planned from: a plan no poll confirmed lately is stale. */
  checkedAt: string;
  /** When work would have started in it; an activation moves the kept teams' times to its own start. */
  startAt: string;
  teams: Team[];
  shortfalls: Shortfall[];
}
