import { OPEN_TASK_STATES, type Task, type TaskState } from '../../core/operations/Task.ts';
import type { TaskStore, TransitionGuard } from '../../core/ports/TaskStore.ts';
import { byId, record, type OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoTaskStore: closing a task counts it off its team's locks, as the transaction does. */
export class MemoryTaskStore implements TaskStore {
  constructor(private readonly memory: OperationsMemory) {}

  async reserveTaskCodes(activationId: string, count: number): Promise<number> {
    const next = (this.memory.taskSequences.get(activationId) ?? 0) + count;
    this.memory.taskSequences.set(activationId, next);
    return next - count;
  }

  async listTasks(activationId: string): Promise<Task[]> {
    return byId(this.memory.tasksOf(activationId).values()).map((t) => record(t));
  }

  async getTasks(activationId: string, taskIds: readonly string[]): Promise<Task[]> {
    const tasks = this.memory.tasksOf(activationId);
    return [...new Set(taskIds)].flatMap((id) => {
      const t = tasks.get(id);
      return t ? [record(t)] : [];
    });
  }

  async listOpenTasksForCrew(crewId: string): Promise<Task[]> {
    const open = [...this.memory.tasks.values()].flatMap((tasks) => [...tasks.values()]).filter((t) => t.crewId === crewId && OPEN_TASK_STATES.includes(t.state));
    // The byCrew index's order: activation, then task code.
    return open.sort((a, b) => (`${a.activationId}#${a.code}` < `${b.activationId}#${b.code}` ? -1 : 1)).map((t) => record(t));
  }

  async transitionTask(task: Task, from: TaskState, to: TaskState, at: string, guard?: TransitionGuard): Promise<boolean> {
    if (OPEN_TASK_STATES.includes(from) && !OPEN_TASK_STATES.includes(to)) return this.closeTeam([{ ...task, state: from }], to, at, guard) === 'closed';
    const m = this.memory;
    const tasks = m.tasksOf(task.activationId);
    return m.writeIf(() => tasks.get(task.id), (t) => t?.state === from && t.crewId === task.crewId, (writeId) => {
      Object.assign(tasks.get(task.id)!, { state: to, updatedAt: at, writeId });
    }, crypto.randomUUID()) === 'written';
  }

  async transitionTasks(tasks: readonly Task[], to: TaskState, at: string): Promise<Task[]> {
    if (!OPEN_TASK_STATES.includes(to)) throw new Error(`transitionTasks moves tasks to an open state; '${to}' closes them (closeTasks)`);
    const m = this.memory;
    // One write id for the batch, as the DynamoDB transaction's client token: a resend of it counts as moved.
    const writeId = crypto.randomUUID();
    const unique = [...new Map(tasks.filter((t) => OPEN_TASK_STATES.includes(t.state)).map((t) => [t.id, t])).values()];
    const moved = unique.filter((task) => {
      const stored = m.tasksOf(task.activationId);
      return m.writeIf(() => stored.get(task.id), (t) => t?.state === task.state && t.crewId === task.crewId, (id) => {
        Object.assign(stored.get(task.id)!, { state: to, updatedAt: at, writeId: id });
      }, writeId) === 'written';
    });
    return moved.map((t) => ({ ...t, state: to, updatedAt: at }));
  }

  async closeTasks(tasks: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): Promise<Task[]> {
    if (OPEN_TASK_STATES.includes(to)) throw new Error(`closeTeamTasks: '${to}' is not a closed state`);
    const teams = new Map<string, Task[]>();
    for (const t of tasks) teams.set(`${t.crewId}|${t.vehicleId}`, [...(teams.get(`${t.crewId}|${t.vehicleId}`) ?? []), t]);
    const closed: Task[] = [];
    for (const team of teams.values()) {
      if (team.some((t) => !OPEN_TASK_STATES.includes(t.state))) throw new Error('closeTeamTasks: every task must be open and of the same activation, crew and vehicle');
      const outcome = this.closeTeam(team, to, at, guard);
      if (outcome === 'closed') closed.push(...team);
      else if (outcome === 'moved') for (const t of team) if (this.closeTeam([t], to, at, guard) === 'closed') closed.push(t);
    }
    return closed.map((t) => ({ ...t, state: to, updatedAt: at }));
  }

  /** Closes one team's tasks together, all or none: 'moved' when any left its state or team, or its road pass is another task's. */
  private closeTeam(team: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): 'closed' | 'moved' | 'stale-wave' {
    const m = this.memory;
    const first = team[0]!;
    if (guard && m.activations.get(first.activationId)?.wave !== guard.wave) return 'stale-wave';
    const tasks = m.tasksOf(first.activationId);
    const givesBack = to === 'cannot' || to === 'cancelled';
    const coverOf = (t: Task) => `${t.activationId}#${t.roadId}#${t.pass}`;
    const moved = team.some((t) => {
      const stored = tasks.get(t.id);
      const cover = m.covers.get(coverOf(t));
      return stored?.state !== t.state || stored.crewId !== t.crewId || stored.vehicleId !== t.vehicleId || (givesBack && cover !== undefined && cover !== t.id);
    });
    if (moved) return 'moved';
    for (const t of team) {
      Object.assign(tasks.get(t.id)!, { state: to, updatedAt: at });
      if (givesBack) m.covers.delete(coverOf(t));
    }
    for (const key of [`CREW#${first.crewId}`, `VEHICLE#${first.vehicleId}`]) {
      const lock = m.locks.get(key);
      if (!lock || lock.activationId !== first.activationId || lock.crewId !== first.crewId || lock.vehicleId !== first.vehicleId) continue;
      if (lock.openTasks <= team.length) m.locks.delete(key);
      else lock.openTasks -= team.length;
    }
    return 'closed';
  }
}
