import type { Task } from './Task.ts';

/** The one team (activation, crew, vehicle) a booking's tasks share; undefined for none, an error for tasks of two teams. */
export function teamOf(tasks: readonly Task[]): Pick<Task, 'activationId' | 'crewId' | 'vehicleId'> | undefined {
  const first = tasks[0];
  if (!first) return undefined;
  const { activationId, crewId, vehicleId } = first;
  if (tasks.some((t) => t.crewId !== crewId || t.vehicleId !== vehicleId || t.activationId !== activationId)) {
    throw new Error('bookTeam: every task of a team must have the same activation, crew and vehicle');
  }
  return { activationId, crewId, vehicleId };
}
