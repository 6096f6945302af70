import { OPEN_TASK_STATES } from '../operations/Task.ts';
import { crewAvailability } from '../planner/crewAvailability.ts';
import { resolvePlannerSettings } from '../planner/resolvePlannerSettings.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import { moveRefusal } from './moveRefusal.ts';

export interface ReassignCandidates {
  taskCode: string;
  pass: string;
  /** Crews that may take the task now, each with the vehicles it may take it with. */
  crews: { id: string; name: string; zoneId: string; vehicles: { id: string; label: string }[] }[];
}

/**
 * Who could take an open task: crews on duty now with a ready vehicle of the pass's class they are
 * certified for: its own vehicle when it is already out, else one no crew holds in this activation. Reassignment still checks everything
 * again (working time, bookings) when the move is made.
 */
export async function reassignCandidates(deps: CoreDeps, activationId: string, taskCode: string): Promise<ReassignCandidates | undefined> {
  const [plan, roads, crews, vehicles, tasks] = await Promise.all([deps.registry.getPlan(), deps.registry.listRoads(), deps.registry.listCrews(), deps.registry.listVehicles(), deps.tasks.listTasks(activationId)]);
  const task = tasks.find((t) => t.code === taskCode);
  const road = task && roads.find((r) => r.id === task.roadId);
  if (!task || !road) return undefined;
  const open = tasks.filter((t) => t.id !== task.id && OPEN_TASK_STATES.includes(t.state));
  const vehicleCrew = new Map(open.map((t) => [t.vehicleId, t.crewId]));
  const settings = resolvePlannerSettings(plan);
  const now = deps.clock.now();
  const out: ReassignCandidates['crews'] = [];
  for (const crew of crews) {
    if (!crewAvailability(crew, now, plan.shiftHours, plan.timeZone, settings.maxDutyHours).available) continue;
    const own = new Set(open.filter((t) => t.crewId === crew.id).map((t) => t.vehicleId));
    // A crew already out keeps its vehicle (one crew, one team); a free crew may take any free vehicle.
    const usable = vehicles
      .filter((v) => (own.size > 0 ? own.has(v.id) : !vehicleCrew.has(v.id)) && !moveRefusal(task, road, crew, v))
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    if (usable.length > 0) out.push({ id: crew.id, name: crew.name, zoneId: crew.zoneId, vehicles: usable.map((v) => ({ id: v.id, label: v.label })) });
  }
  // The task's own zone first (分片包干), then the rest.
  out.sort((a, b) => Number(b.zoneId === task.zoneId) - Number(a.zoneId === task.zoneId) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return { taskCode: task.code, pass: task.pass, crews: out };
}
