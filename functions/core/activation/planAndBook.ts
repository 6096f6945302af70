import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import { OPEN_TASK_STATES, type Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import { planGreedy } from '../planner/planGreedy.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import { toTasks } from './toTasks.ts';

const ROUNDS = 3;

/**
 * Plans every road pass in scope at `zoneLevels` that the activation has not covered yet, and books
 * the teams. A booking lost to another activation is re-planned with what is still free; what cannot
 * be covered comes back as shortfalls (and is logged). Used by activation, upgrades and replacements.
 */
export async function planAndBook(
  deps: CoreDeps,
  activation: Activation,
  zoneLevels: Record<string, ResponseLevel>,
): Promise<{ tasks: Task[]; shortfalls: Shortfall[] }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const [plan, zones, roads, crews, vehicles, existing] = await Promise.all([
    deps.registry.getPlan(), deps.registry.listZones(), deps.registry.listRoads(), deps.registry.listCrews(), deps.registry.listVehicles(),
    deps.ops.listTasks(activation.id),
  ]);
  // Passes already tasked (open or done) are not planned again; refused or cancelled ones are.
  const covered = new Set(existing.filter((t) => OPEN_TASK_STATES.includes(t.state) || t.state === 'done' || t.state === 'verified').map((t) => `${t.roadId}#${t.pass}`));
  let nextIndex = existing.length;
  const tasks: Task[] = [];
  const shortfalls: Shortfall[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const busy = await deps.ops.listBusy();
    const planned = planGreedy({ plan, zones, roads, crews, vehicles, zoneLevels, startAt: new Date(now.getTime() + plan.startLeadMinutes * 60_000), busyCrewIds: busy.crewIds, busyVehicleIds: busy.vehicleIds, coveredPasses: covered });
    let lost = 0;
    for (const team of planned.teams) {
      const teamTasks = toTasks(team, activation.id, nextIndex, activation.wave, at);
      const booked = await deps.ops.bookTeam(teamTasks);
      if (!booked.ok) {
        lost++;
        await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'team.booking-conflict', subject: `crew:${team.crewId}`, details: { vehicleId: team.vehicleId }, reason: booked.reason });
        continue;
      }
      nextIndex += teamTasks.length;
      tasks.push(...teamTasks);
      for (const t of teamTasks) covered.add(`${t.roadId}#${t.pass}`);
      await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'team.booked', subject: `crew:${team.crewId}`, details: { vehicleId: team.vehicleId, lent: team.lent, tasks: teamTasks.map((t) => ({ code: t.code, road: t.roadName, pass: t.pass, startBy: t.startBy })) } });
    }
    if (lost === 0 || round === ROUNDS - 1) {
      shortfalls.push(...planned.shortfalls);
      break;
    }
  }
  for (const s of shortfalls) {
    await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'road.shortfall', subject: `road:${s.roadId}`, details: { road: s.roadName, tier: s.tier, pass: s.pass, laneKm: s.laneKm }, reason: s.reason });
  }
  return { tasks, shortfalls };
}
