import type { Team } from '../planner/PlanTypes.ts';
import type { Task } from '../operations/Task.ts';
import { taskCode } from './taskCode.ts';

/** Turns a planned team into task records, numbering codes from `firstIndex`. */
export function toTasks(team: Team, activationId: string, firstIndex: number, wave: number, at: string): Task[] {
  return team.tasks.map((p, i) => {
    const code = taskCode(firstIndex + i);
    return {
      id: `${activationId}-${code}`,
      code,
      activationId,
      roadId: p.roadId,
      roadName: p.roadName,
      zoneId: p.zoneId,
      tier: p.tier,
      pass: p.pass,
      laneKm: p.laneKm,
      crewId: team.crewId,
      vehicleId: team.vehicleId,
      vehicleLabel: team.vehicleLabel,
      depot: team.depot,
      sequence: p.sequence,
      startBy: p.startBy,
      passableAt: p.passableAt,
      state: 'planned',
      wave,
      updatedAt: at,
    };
  });
}
