import { createHash } from 'node:crypto';
import { crewAvailability } from '../planner/crewAvailability.ts';
import type { PlannerInput } from '../planner/PlannerInput.ts';
import { resolvePlannerSettings } from '../planner/resolvePlannerSettings.ts';

const sorted = <T>(values: Iterable<T>) => [...values].sort();

/**
 * What the planner reads from the start time: each crew's working window at the start, in whole hours
 * (when it can begin, how long it can work), or off. The window's exact figures move with every poll
 * while a shift's end is within the horizon; whole hours move at most once an hour, and a repair at
 * activation drops what the lost minutes no longer fit.
 */
function crewWindows(input: PlannerInput): string[] {
  const { maxDutyHours } = resolvePlannerSettings(input.plan);
  return [...input.crews].sort((a, b) => a.id.localeCompare(b.id)).map((crew) => {
    const a = crewAvailability(crew, input.startAt, input.plan.shiftHours, input.plan.timeZone, maxDutyHours);
    return a.available ? `${crew.id}:${Math.ceil(a.fromH)}-${Math.floor(a.toH)}` : `${crew.id}:off`;
  });
}

/**
 * A fingerprint of what a plan is made from: the zone levels, the plan, the registry (zones, depots,
 * roads, crews, vehicles with their readiness), who is booked, and the start time as the planner reads
 * it (crewWindows). The same input gives the same key; any change that could change the plan gives
 * another. The start instant itself is left out: it moves every poll, and all other times in a plan are
 * counted from it (a plan kept ready moves its times at activation).
 */
export function planInputKey(input: PlannerInput): string {
  const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
  const fingerprint = JSON.stringify([
    Object.entries(input.zoneLevels).sort(([a], [b]) => a.localeCompare(b)),
    input.plan, byId(input.zones), byId(input.depots ?? []), byId(input.roads), byId(input.crews), byId(input.vehicles),
    sorted(input.busyCrewIds ?? []), sorted(input.busyVehicleIds ?? []), sorted(input.coveredPasses ?? []),
    crewWindows(input),
  ]);
  return createHash('sha256').update(fingerprint, 'utf8').digest('hex');
}
