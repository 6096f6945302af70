import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import { OPEN_TASK_STATES, type Task } from '../operations/Task.ts';
import type { PlannerInput } from '../planner/PlannerInput.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';

/** Passes already tasked (open or done) are not planned again; refused or cancelled ones are. */
export function coveredPasses(tasks: readonly Task[]): Set<string> {
  return new Set(tasks.filter((t) => OPEN_TASK_STATES.includes(t.state) || t.state === 'done' || t.state === 'verified').map((t) => `${t.roadId}#${t.pass}`));
}

/**
 * What the planner is given, read fresh: the registry, who is booked now, and what the activation
 * (if any) has already tasked. Work starts after the plan's lead time. Activation, upgrades,
 * replacements and the dry-run preview all plan from this, so a preview shows the plan they would make.
 */
export async function loadPlannerInput(deps: Pick<CoreDeps, 'registry' | 'clock' | 'bookings' | 'tasks'>, zoneLevels: Record<string, ResponseLevel>, activationId?: string): Promise<PlannerInput> {
  const now = deps.clock.now();
  const [plan, zones, depots, roads, crews, vehicles, busy, existing] = await Promise.all([
    deps.registry.getPlan(), deps.registry.listZones(), deps.registry.listDepots(), deps.registry.listRoads(), deps.registry.listCrews(), deps.registry.listVehicles(),
    deps.bookings.listBusy(), activationId ? deps.tasks.listTasks(activationId) : Promise.resolve([]),
  ]);
  return {
    plan, zones, depots, roads, crews, vehicles, zoneLevels,
    startAt: new Date(now.getTime() + plan.startLeadMinutes * 60_000),
    busyCrewIds: busy.crewIds, busyVehicleIds: busy.vehicleIds, coveredPasses: coveredPasses(existing),
  };
}
