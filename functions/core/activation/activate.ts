import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import { planGreedy } from '../planner/planGreedy.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { toTasks } from './toTasks.ts';

export interface ActivateRequest {
  level: ActiveLevel;
  zoneLevels: Record<string, ResponseLevel>;
  actor: string;
  reason: string;
  evidence: Evidence[];
}

export type ActivateResult =
  | { outcome: 'activated'; activation: Activation; tasks: Task[]; shortfalls: Shortfall[] }
  | { outcome: 'already-open'; activation: Activation };

/** Opens an activation, plans teams for the roads in scope and books them; shortfalls are logged, never hidden. */
export async function activate(deps: CoreDeps, request: ActivateRequest): Promise<ActivateResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const activation: Activation = {
    id: `act-${deps.ids.next()}`,
    level: request.level,
    zoneLevels: request.zoneLevels,
    status: 'open',
    openedAt: at,
    openedBy: request.actor,
    reason: request.reason,
    evidence: request.evidence,
    wave: 1,
  };
  if ((await deps.ops.createActivation(activation)) === 'exists') {
    const open = await deps.ops.getOpenActivation();
    if (open) return { outcome: 'already-open', activation: open };
    throw new Error('an activation was reported open but could not be read');
  }
  await deps.log.append({ activationId: activation.id, at, actor: request.actor, action: 'activation.opened', subject: `activation:${activation.id}`, details: { level: request.level, zoneLevels: request.zoneLevels, evidence: request.evidence }, reason: request.reason });

  const [plan, zones, roads, crews, vehicles] = await Promise.all([
    deps.registry.getPlan(), deps.registry.listZones(), deps.registry.listRoads(), deps.registry.listCrews(), deps.registry.listVehicles(),
  ]);
  const tasks: Task[] = [];
  const shortfalls: Shortfall[] = [];
  const covered = new Set<string>();
  // A booking can lose a race to another activation: re-plan what it left with what is still free.
  for (let round = 0; round < 3; round++) {
    const busy = await deps.ops.listBusy();
    const planned = planGreedy({ plan, zones, roads, crews, vehicles, zoneLevels: request.zoneLevels, startAt: new Date(now.getTime() + plan.startLeadMinutes * 60_000), busyCrewIds: busy.crewIds, busyVehicleIds: busy.vehicleIds, coveredPasses: covered });
    let lost = 0;
    for (const team of planned.teams) {
      const teamTasks = toTasks(team, activation.id, tasks.length, activation.wave, at);
      const booked = await deps.ops.bookTeam(teamTasks);
      if (!booked.ok) {
        lost++;
        await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'team.booking-conflict', subject: `crew:${team.crewId}`, details: { vehicleId: team.vehicleId }, reason: booked.reason });
        continue;
      }
      tasks.push(...teamTasks);
      for (const t of teamTasks) covered.add(`${t.roadId}#${t.pass}`);
      await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'team.booked', subject: `crew:${team.crewId}`, details: { vehicleId: team.vehicleId, lent: team.lent, tasks: teamTasks.map((t) => ({ code: t.code, road: t.roadName, pass: t.pass, startBy: t.startBy })) } });
    }
    if (lost === 0 || round === 2) {
      shortfalls.push(...planned.shortfalls);
      break;
    }
  }
  for (const s of shortfalls) {
    await deps.log.append({ activationId: activation.id, at: deps.clock.now().toISOString(), actor: 'planner', action: 'road.shortfall', subject: `road:${s.roadId}`, details: { road: s.roadName, tier: s.tier, pass: s.pass, laneKm: s.laneKm }, reason: s.reason });
  }
  return { outcome: 'activated', activation, tasks, shortfalls };
}
