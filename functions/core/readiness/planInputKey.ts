import { createHash } from 'node:crypto';
import type { PlannerInput } from '../planner/PlannerInput.ts';

const sorted = <T>(values: Iterable<T>) => [...values].sort();

/**
 * A fingerprint of what a plan is made from: the zone levels, the plan, the registry (zones, depots,
 * roads, crews, vehicles with their readiness) and who is booked. The same input gives the same key;
 * any change that could change the plan gives another. The start time is left out: it moves every poll,
 * and a plan kept ready moves its times at activation.
 */
export function planInputKey(input: PlannerInput): string {
  const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
  const fingerprint = JSON.stringify([
    Object.entries(input.zoneLevels).sort(([a], [b]) => a.localeCompare(b)),
    input.plan, byId(input.zones), byId(input.depots ?? []), byId(input.roads), byId(input.crews), byId(input.vehicles),
    sorted(input.busyCrewIds ?? []), sorted(input.busyVehicleIds ?? []), sorted(input.coveredPasses ?? []),
  ]);
  return createHash('sha256').update(fingerprint, 'utf8').digest('hex');
}
