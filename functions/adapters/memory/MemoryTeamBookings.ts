import { OPEN_TASK_STATES, type Task } from '../../core/operations/Task.ts';
import type { BookingResult, PassRef, TaskMove, TeamBookings } from '../../core/ports/TeamBookings.ts';
import { copy, type MemoryLock, type OperationsMemory } from './OperationsMemory.ts';
import { teamOf } from '../../core/operations/teamOf.ts';

const coverOf = (t: Task) => `${t.activationId}#${t.roadId}#${t.pass}`;

/** The in-memory twin of DynamoTeamBookings: the same invariants, each booking applied whole. */
export class MemoryTeamBookings implements TeamBookings {
  constructor(private readonly memory: OperationsMemory) {}

  async bookTeam(tasks: Task[]): Promise<BookingResult> {
    const team = teamOf(tasks);
    if (!team) return { ok: true };
    const { activationId, crewId, vehicleId } = team;
    const m = this.memory;
    const stored = m.tasksOf(activationId);
    if (m.activations.get(activationId)?.status !== 'open') return { ok: false, reason: `activation ${activationId} is no longer open` };
    if (m.locks.has(`CREW#${crewId}`)) return { ok: false, reason: `crew ${crewId} is already booked` };
    if (m.locks.has(`VEHICLE#${vehicleId}`)) return { ok: false, reason: `vehicle ${vehicleId} is already booked` };
    const at = tasks[0]!.updatedAt;
    const retiring = tasks.find((t) => { const mark = m.roadRetirements.get(t.roadId); return mark !== undefined && mark.until >= at; });
    if (retiring) return { ok: false, reason: `road ${retiring.roadName} is being deleted from the registry` };
    for (const t of tasks) {
      if (stored.has(t.id)) return { ok: false, reason: `task ${t.code} already exists` };
      if (m.covers.has(coverOf(t))) return { ok: false, reason: `road pass ${t.roadName} (${t.pass}) is already tasked in this activation` };
    }
    const lock: MemoryLock = { activationId, crewId, vehicleId, openTasks: tasks.length, complete: true, bookedAt: tasks[0]!.updatedAt };
    m.locks.set(`CREW#${crewId}`, { ...lock });
    m.locks.set(`VEHICLE#${vehicleId}`, { ...lock });
    for (const t of tasks) {
      stored.set(t.id, copy(t));
      m.covers.set(coverOf(t), t.id);
    }
    return { ok: true };
  }

  async findCovers(activationId: string, passes: readonly PassRef[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const p of passes) {
      const taskId = this.memory.covers.get(`${activationId}#${p.roadId}#${p.pass}`);
      if (taskId !== undefined) found.set(`${p.roadId}#${p.pass}`, taskId);
    }
    return found;
  }

  async unbookTeam(tasks: Task[]): Promise<void> {
    const first = tasks[0];
    if (first) this.undo(tasks, first.crewId, first.vehicleId, first.activationId);
  }

  async reassignTask(task: Task, to: TaskMove, at: string): Promise<BookingResult> {
    if (!OPEN_TASK_STATES.includes(task.state)) return { ok: false, reason: `task ${task.code} is ${task.state}, not open` };
    if (to.crewId === task.crewId && to.vehicleId === task.vehicleId) return { ok: false, reason: `task ${task.code} is already with that team` };
    const m = this.memory;
    const a = task.activationId;
    const stored = m.tasksOf(a).get(task.id);
    const changes: (() => void)[] = [];
    for (const side of ['CREW', 'VEHICLE'] as const) {
      const crew = side === 'CREW';
      const [oldId, newId] = crew ? [task.crewId, to.crewId] : [task.vehicleId, to.vehicleId];
      const partner = crew ? 'vehicleId' : 'crewId';
      const [oldPartner, newPartner] = crew ? [task.vehicleId, to.vehicleId] : [task.crewId, to.crewId];
      const what = crew ? 'crew' : 'vehicle';
      const oldLock = m.locks.get(`${side}#${oldId}`);
      const newLock = m.locks.get(`${side}#${newId}`);
      if (oldId === newId) {
        // Same crew, other vehicle (or the reverse): only if this was its one open task.
        if (!oldLock || oldLock.activationId !== a || oldLock.openTasks !== 1) return { ok: false, reason: `${what} ${oldId} has other open tasks with its team; move those first or choose another ${what}` };
        if (oldLock[partner] !== oldPartner) return { ok: false, reason: 'the target team changed meanwhile; reload and try again' };
        changes.push(() => { oldLock[partner] = newPartner; });
        continue;
      }
      if (newLock && (newLock.activationId !== a || newLock[partner] !== newPartner)) {
        return { ok: false, reason: `${what} ${newId} is booked with ${crew ? 'vehicle' : 'crew'} ${newLock[partner]}${newLock.activationId !== a ? ' in another activation' : ''}` };
      }
      if (oldLock && oldLock.activationId === a) changes.push(() => { if (--oldLock.openTasks <= 0) m.locks.delete(`${side}#${oldId}`); });
      if (newLock) {
        if (newLock.openTasks !== (to.teamOpenTasks ?? newLock.openTasks)) return { ok: false, reason: 'the target team changed meanwhile; reload and try again' };
        changes.push(() => { newLock.openTasks++; });
      } else {
        changes.push(() => { m.locks.set(`${side}#${newId}`, { activationId: a, crewId: to.crewId, vehicleId: to.vehicleId, openTasks: 1, complete: true, bookedAt: at }); });
      }
    }
    if (stored?.state !== task.state || stored.crewId !== task.crewId || stored.vehicleId !== task.vehicleId) return { ok: false, reason: `task ${task.code} changed meanwhile; reload and try again` };
    for (const change of changes) change();
    Object.assign(stored, { state: to.state, crewId: to.crewId, vehicleId: to.vehicleId, vehicleLabel: to.vehicleLabel, depot: to.depot, sequence: to.sequence, startBy: to.startBy, passableAt: to.passableAt, updatedAt: at });
    return { ok: true };
  }

  async listBusy(): Promise<{ crewIds: Set<string>; vehicleIds: Set<string> }> {
    const crewIds = new Set<string>();
    const vehicleIds = new Set<string>();
    for (const key of this.memory.locks.keys()) {
      const cut = key.indexOf('#');
      (key.slice(0, cut) === 'CREW' ? crewIds : vehicleIds).add(key.slice(cut + 1));
    }
    return { crewIds, vehicleIds };
  }

  /** Bookings are written whole here, so only a lock marked incomplete (as a crashed DynamoDB writer leaves one) is repaired. */
  async repairIncompleteBookings(olderThan: string): Promise<number> {
    const m = this.memory;
    let repaired = 0;
    for (const [key, lock] of [...m.locks]) {
      if (!key.startsWith('CREW#') || lock.complete || lock.bookedAt >= olderThan) continue;
      const tasks = [...m.tasksOf(lock.activationId).values()].filter((t) => t.crewId === lock.crewId && t.vehicleId === lock.vehicleId && OPEN_TASK_STATES.includes(t.state));
      this.undo(tasks, lock.crewId, lock.vehicleId, lock.activationId);
      repaired++;
    }
    return repaired;
  }

  private undo(tasks: Task[], crewId: string, vehicleId: string, activationId: string): void {
    const m = this.memory;
    for (const t of tasks) {
      m.tasksOf(t.activationId).delete(t.id);
      if (m.covers.get(coverOf(t)) === t.id) m.covers.delete(coverOf(t));
    }
    for (const key of [`CREW#${crewId}`, `VEHICLE#${vehicleId}`]) {
      const lock = m.locks.get(key);
      if (lock?.activationId === activationId && lock.crewId === crewId && lock.vehicleId === vehicleId) m.locks.delete(key);
    }
  }
}
