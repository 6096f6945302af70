import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import { OPEN_TASK_STATES, type Task } from '../operations/Task.ts';
import type { PlannerInput } from '../planner/PlannerInput.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { PassRef } from '../ports/TeamBookings.ts';
import { passesAt } from '../planner/roadGeometry.ts';

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

/**
 * What the planner is given to re-task only `passes` of an activation (the passes a crew gave back): the
 * registry and who is booked as loadPlannerInput reads them, the roads of those passes alone, and as
 * covered every other pass of those roads and those of `passes` tasked again meanwhile (their covers, read
 * by key). Nothing of the activation's task list is read.
 */
export async function loadPassesInput(deps: Pick<CoreDeps, 'registry' | 'clock' | 'bookings'>, zoneLevels: Record<string, ResponseLevel>, activationId: string, passes: readonly PassRef[]): Promise<PlannerInput> {
  const now = deps.clock.now();
  const [plan, zones, depots, roads, crews, vehicles, busy, covers] = await Promise.all([
    deps.registry.getPlan(), deps.registry.listZones(), deps.registry.listDepots(), deps.registry.listRoads(), deps.registry.listCrews(), deps.registry.listVehicles(),
    deps.bookings.listBusy(), deps.bookings.findCovers(activationId, passes),
  ]);
  const wanted = new Set(passes.map((p) => `${p.roadId}#${p.pass}`));
  const theirRoads = roads.filter((r) => passes.some((p) => p.roadId === r.id));
  const covered = new Set(covers.keys());
  for (const r of theirRoads) for (const pass of passesAt(r, zoneLevels[r.zoneId] ?? 'none')) if (!wanted.has(`${r.id}#${pass}`)) covered.add(`${r.id}#${pass}`);
  return {
    plan, zones, depots, roads: theirRoads, crews, vehicles, zoneLevels,
    startAt: new Date(now.getTime() + plan.startLeadMinutes * 60_000),
    busyCrewIds: busy.crewIds, busyVehicleIds: busy.vehicleIds, coveredPasses: covered,
  };
}
