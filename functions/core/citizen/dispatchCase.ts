import { appendedTimes } from '../activation/teamTimes.ts';
import { withBookingRun } from '../activation/withBookingRun.ts';
import { taskCode } from '../activation/taskCode.ts';
import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import { OPEN_TASK_STATES, type Task } from '../operations/Task.ts';
import type { BannedPhones } from '../ports/BannedPhones.ts';
import type { DispatchRequests } from '../ports/DispatchRequests.ts';
import type { OperationsPorts } from '../ports/OperationsPorts.ts';
import type { RegistryStore } from '../ports/RegistryStore.ts';
import { passesAt } from '../planner/roadGeometry.ts';
import { fromBannedNumber } from './banReporter.ts';
import { CASE_TRANSITIONS } from './CaseState.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { recordDispatch, recordWaiting } from './caseWork.ts';
import { CASE_PASSES, chooseCaseTeam, nearestRoad } from './caseTeam.ts';

export type CaseDispatchDeps = CitizenDeps & Pick<OperationsPorts, 'activations' | 'tasks' | 'bookings'> & {
  registry: RegistryStore;
  dispatch: DispatchRequests;
  bans: BannedPhones;
};

export type CaseDispatch = { outcome: 'dispatched'; case: CitizenCase; task: Task; joined: boolean } | { outcome: 'waiting'; case: CitizenCase; reason: string };

/**
 * 派遣: a registered case becomes a pass on the nearest road of its zone, in the open activation. A crew
 * already tasked with a fitting pass on that road takes the case with it; otherwise a free team is booked
 * by the same rules and the same conditional write as every booking, and joins the activation's current
 * wave (its leader is texted the task with its own code). With no response open, or no free team, the
 * case waits in the queue with the reason (the officer dispatches it again later).
 */
export async function dispatchCase(deps: CaseDispatchDeps, input: { caseId: string; actor: string }): Promise<CaseDispatch> {
  const c = await deps.cases.get(input.caseId);
  if (!c) throw new NotFoundError('case', input.caseId);
  if (await fromBannedNumber(deps, c)) throw new ConflictError(`case ${c.id} comes from a banned number; it is kept and never dispatched`, { caseId: c.id });
  if (!CASE_TRANSITIONS.dispatch.from.includes(c.state)) throw new ConflictError(`case ${c.id} is ${c.state}; it can be dispatched only when registered or waiting`, { caseId: c.id, state: c.state });
  const wait = async (reason: string): Promise<CaseDispatch> => ({ outcome: 'waiting', case: await recordWaiting(deps, { caseId: c.id, reason, actor: input.actor }), reason });

  const activation = await deps.activations.getOpenActivation();
  if (!activation) return wait('no response is open: the case is dispatched when the duty officer opens one, or dispatches it again');
  const [plan, roads, crews, vehicles, depots, zones, tasks, busy] = await Promise.all([
    deps.registry.getPlan(), deps.registry.listRoads(), deps.registry.listCrews(), deps.registry.listVehicles(), deps.registry.listDepots(), deps.registry.listZones(),
    deps.tasks.listTasks(activation.id), deps.bookings.listBusy(),
  ]);
  const near = nearestRoad(roads, c) ?? nearestRoad(roads, { lat: c.lat, lon: c.lon });
  if (!near) return wait('the registry has no road to put the case on');
  const { road } = near;
  const fitting = CASE_PASSES[c.category];

  const onRoad = tasks.find((t) => t.roadId === road.id && OPEN_TASK_STATES.includes(t.state) && fitting.includes(t.pass));
  if (onRoad) {
    const after = await recordDispatch(deps, { caseId: c.id, task: { activationId: activation.id, taskId: onRoad.id, code: onRoad.code }, actor: input.actor });
    return { outcome: 'dispatched', case: after, task: onRoad, joined: true };
  }
  const claimed = new Set(tasks.filter((t) => t.roadId === road.id).map((t) => t.pass));
  const level = activation.zoneLevels?.[road.zoneId] ?? activation.level;
  // The road's own passes at this level first (its registry says what it takes), then any fitting one.
  const ordered = [...fitting.filter((p) => passesAt(road, level).includes(p)), ...fitting.filter((p) => !passesAt(road, level).includes(p))];
  const passes = ordered.filter((p) => !claimed.has(p));
  if (passes.length === 0) return wait(`every fitting pass on ${road.name} was already done in this response; reopen the road's task or dispatch again later`);
  const team = chooseCaseTeam({ road, passes, crews, vehicles, busy });
  if (!team.ok) return wait(team.reason);

  const now = deps.clock.now();
  const at = now.toISOString();
  const depotRecord = depots.find((d) => d.id === team.vehicle.depot || d.name === team.vehicle.depot);
  const zone = zones.find((z) => z.id === team.vehicle.zoneId);
  const depot = depotRecord ? { lat: depotRecord.latitude, lon: depotRecord.longitude } : zone ? { lat: zone.latitude, lon: zone.longitude } : { lat: road.latitude, lon: road.longitude };
  const times = appendedTimes({ plan, road, vehicle: team.vehicle, depot, teamTasks: [], roads: new Map([[road.id, road]]), earliest: now });
  const code = taskCode(await deps.tasks.reserveTaskCodes(activation.id, 1));
  const task: Task = {
    id: `${activation.id}-${code}`, code, activationId: activation.id, roadId: road.id, roadName: road.name, zoneId: road.zoneId, tier: road.tier, pass: team.pass, laneKm: road.laneKm,
    crewId: team.crew.id, vehicleId: team.vehicle.id, vehicleLabel: team.vehicle.label, depot: team.vehicle.depot, sequence: times.sequence, startBy: times.startBy, passableAt: times.passableAt,
    state: 'planned', wave: activation.wave, updatedAt: at,
  };
  const booked = await withBookingRun(deps.activations, activation.id, () => deps.bookings.bookTeam([task]));
  if (!booked.ok) return wait(`the team was taken meanwhile (${booked.reason}); dispatch again`);
  await deps.log.append({ activationId: activation.id, at, actor: input.actor, action: 'team.booked', subject: `crew:${team.crew.id}`, details: { vehicleId: team.vehicle.id, caseId: c.id, tasks: [{ code, road: road.name, pass: team.pass, startBy: task.startBy }] } });
  // Linked before the SMS leaves: a reply that comes at once finds its case.
  const after = await recordDispatch(deps, { caseId: c.id, task: { activationId: activation.id, taskId: task.id, code }, actor: input.actor });
  await deps.dispatch.request({ activationId: activation.id });
  return { outcome: 'dispatched', case: after, task, joined: false };
}
