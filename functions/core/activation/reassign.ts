import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { localTime } from '../messages/localTime.ts';
import { OPEN_TASK_STATES, type Task } from '../operations/Task.ts';
import { crewAvailability } from '../planner/crewAvailability.ts';
import { resolvePlannerSettings } from '../planner/resolvePlannerSettings.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { TaskMove } from '../ports/TeamBookings.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import { withBookingRun } from './withBookingRun.ts';
import { moveRefusal } from './moveRefusal.ts';
import { appendedTimes } from './teamTimes.ts';
import { tellReassignedLeaders } from './tellReassignedLeaders.ts';

export interface ReassignRequest {
  activationId: string;
  /** The task's code, e.g. "T07". */
  taskCode: string;
  /** The crew; when absent, the task's own crew (only its vehicle changes). */
  toCrewId?: string;
  /** The vehicle; when absent, the vehicle the crew already has in this activation. */
  toVehicleId?: string;
  /** The duty officer, as logged. */
  actor: string;
  reason: string;
}

export interface ReassignResult {
  task: Task;
  previous: Pick<Task, 'crewId' | 'vehicleId' | 'vehicleLabel' | 'state'>;
  notified: ('new-leader' | 'old-leader')[];
}

/** Something named does not exist (kind and id say what), the state forbids the move now, or the plan's rules refuse it. */
type Refusal = { kind: 'not-found'; what: string; id: string } | { kind: 'conflict' } | { kind: 'rule' };

/**
 * A duty officer moves one open task to another team (crew and vehicle). The same rules as the
 * planner's hold: certified crew, ready vehicle of the pass's class, no chloride on agent-free roads,
 * within the crew's working time, and no crew or vehicle on two teams. The move is logged with who
 * and why; the new leader is told by SMS (a tasking of its own, followed up by the escalation ladder), and
 * the old one too if the task had reached them.
 */
export async function reassignTask(deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'activations' | 'bookings' | 'tasks' | 'shortfalls' | 'smsRecords' | 'inbound' | 'taskingCases' | 'contacts'> & { sms: SmsSender }, request: ReassignRequest): Promise<ReassignResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  // Refused as the siblings refuse (typed errors), once the refusal is in the log.
  const refuse = async (reason: string, refusal: Refusal = { kind: 'rule' }): Promise<never> => {
    await deps.log.append({ activationId: request.activationId, at, actor: request.actor, action: 'task.reassign-refused', subject: `task:${request.taskCode}`, details: { toCrewId: request.toCrewId ?? null, toVehicleId: request.toVehicleId ?? null }, reason });
    if (refusal.kind === 'not-found') throw new NotFoundError(refusal.what, refusal.id, reason);
    if (refusal.kind === 'conflict') throw new ConflictError(reason, { activationId: request.activationId, taskCode: request.taskCode });
    throw new RuleViolationError(reason);
  };
  if (request.reason.trim() === '') return refuse('a reason is required');
  const activation = await deps.activations.getActivation(request.activationId);
  if (!activation) return refuse(`no activation ${request.activationId}`, { kind: 'not-found', what: 'activation', id: request.activationId });
  if (activation.status !== 'open') return refuse(`activation ${request.activationId} is not open`, { kind: 'conflict' });
  const [plan, zones, depots, roads, crews, vehicles, tasks] = await Promise.all([
    deps.registry.getPlan(), deps.registry.listZones(), deps.registry.listDepots(), deps.registry.listRoads(), deps.registry.listCrews(), deps.registry.listVehicles(),
    deps.tasks.listTasks(request.activationId),
  ]);
  const task = tasks.find((t) => t.code === request.taskCode);
  if (!task) return refuse(`no task ${request.taskCode} in this activation`, { kind: 'not-found', what: 'task', id: request.taskCode });
  if (!OPEN_TASK_STATES.includes(task.state)) return refuse(`task ${task.code} is ${task.state}; only open tasks move`, { kind: 'conflict' });
  const toCrewId = request.toCrewId ?? task.crewId;
  const crew = crews.find((c) => c.id === toCrewId);
  if (!crew) return refuse(`no crew ${toCrewId}`, { kind: 'not-found', what: 'crew', id: toCrewId });
  const open = tasks.filter((t) => t.id !== task.id && OPEN_TASK_STATES.includes(t.state));
  const vehicleId = request.toVehicleId ?? open.find((t) => t.crewId === crew.id)?.vehicleId;
  if (!vehicleId) return refuse(`crew ${crew.id} has no vehicle in this activation: name one`);
  const vehicle = vehicles.find((v) => v.id === vehicleId);
  if (!vehicle) return refuse(`no vehicle ${vehicleId}`, { kind: 'not-found', what: 'vehicle', id: vehicleId });
  const roadById = new Map(roads.map((r) => [r.id, r]));
  const road = roadById.get(task.roadId);
  if (!road) return refuse(`road ${task.roadId} is no longer in the registry`, { kind: 'conflict' });
  const ruled = moveRefusal(task, road, crew, vehicle);
  if (ruled) return refuse(ruled);

  const depotRecord = depots.find((d) => d.id === vehicle.depot || d.name === vehicle.depot);
  const zone = zones.find((z) => z.id === vehicle.zoneId);
  const depot = depotRecord ? { lat: depotRecord.latitude, lon: depotRecord.longitude } : zone ? { lat: zone.latitude, lon: zone.longitude } : { lat: road.latitude, lon: road.longitude };
  const teamTasks = open.filter((t) => t.crewId === crew.id || t.vehicleId === vehicle.id);
  const times = appendedTimes({ plan, road, vehicle, depot, teamTasks, roads: roadById, earliest: new Date(now.getTime() + plan.startLeadMinutes * 60_000) });
  const settings = resolvePlannerSettings(plan);
  const availability = crewAvailability(crew, now, plan.shiftHours, plan.timeZone, settings.maxDutyHours);
  if (!availability.available) return refuse(`crew ${crew.id} cannot work now: ${availability.reason}`, { kind: 'conflict' });
  const until = now.getTime() + availability.toH * 3_600_000;
  if (Date.parse(times.passableAt) > until) return refuse(`crew ${crew.id}'s working time ends at ${localTime(new Date(until).toISOString(), plan.timeZone)}, before the task would be done`, { kind: 'conflict' });

  const move: TaskMove = { crewId: crew.id, vehicleId: vehicle.id, vehicleLabel: vehicle.label, depot: vehicle.depot, ...times, state: 'planned', teamOpenTasks: open.filter((t) => t.crewId === crew.id).length };
  const booked = await withBookingRun(deps.activations, activation.id, () => deps.bookings.reassignTask(task, move, at));
  if (!booked.ok) return refuse(booked.reason, { kind: 'conflict' });
  const { teamOpenTasks: _read, ...placed } = move;
  const moved: Task = { ...task, ...placed, updatedAt: at };
  await deps.log.append({
    activationId: task.activationId, at, actor: request.actor, action: 'task.reassigned', subject: `task:${task.code}`,
    details: { road: task.roadName, pass: task.pass, from: { crewId: task.crewId, vehicleId: task.vehicleId, state: task.state }, to: { crewId: crew.id, vehicleId: vehicle.id, sequence: times.sequence, startBy: times.startBy } },
    reason: request.reason,
  });

  const notified = await tellReassignedLeaders(deps, { task, moved, crew, vehicle, oldCrew: crews.find((c) => c.id === task.crewId), activation, plan, startBy: times.startBy, at });
  return { task: moved, previous: { crewId: task.crewId, vehicleId: task.vehicleId, vehicleLabel: task.vehicleLabel, state: task.state }, notified };
}
