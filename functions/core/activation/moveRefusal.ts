import type { Task } from '../operations/Task.ts';
import type { Crew } from '../registry/Crew.ts';
import type { Road } from '../registry/Road.ts';
import type { Vehicle } from '../registry/Vehicle.ts';

/**
 * Why the plan's rules forbid this crew and vehicle to take the task's pass (wrong class, not
 * certified, not ready, chloride on an agent-free road); undefined when they allow it. Reassignment
 * refuses on it and the console's pickers offer only teams it allows: one rule, one place.
 */
export function moveRefusal(task: Pick<Task, 'code' | 'pass'>, road: Pick<Road, 'name' | 'agentAllowed'>, crew: Pick<Crew, 'id' | 'certified'>, vehicle: Pick<Vehicle, 'label' | 'class' | 'status'> & { chlorideAgent?: boolean }): string | undefined {
  if (vehicle.class !== task.pass) return `task ${task.code} needs a ${task.pass}; ${vehicle.label} is a ${vehicle.class}`;
  if (!crew.certified.includes(vehicle.class)) return `crew ${crew.id} is not certified for ${vehicle.class}`;
  if (vehicle.status !== 'ready') return `${vehicle.label} is ${vehicle.status}`;
  if (task.pass === 'spreader' && vehicle.chlorideAgent && !road.agentAllowed) return `${road.name} is agent-free: no chloride spreader`;
  return undefined;
}
