import type { BoardChange, BoardVersion } from '../ports/BoardVersion.ts';
import type { OperationsPorts } from '../ports/OperationsPorts.ts';
import type { ShortfallMarkers } from '../ports/ShortfallMarkers.ts';
import type { TaskingCases } from '../ports/TaskingCases.ts';
import type { TaskStore } from '../ports/TaskStore.ts';
import type { TeamBookings } from '../ports/TeamBookings.ts';
import type { TaskingCase } from '../escalation/TaskingCase.ts';
import type { Task } from '../operations/Task.ts';
import { CoalescedBump } from './CoalescedBump.ts';

/** A read, or a write with what it touches of the board's sources, named from its arguments. */
type Kind<F> = 'read' | (F extends (...args: infer A) => unknown ? (...args: A) => BoardChange : never);
type Kinds<T> = { [K in keyof T]: Kind<T[K]> };

const tasksOf = (tasks: readonly Task[]): BoardChange => {
  const byActivation: Record<string, string[]> = {};
  for (const t of tasks) (byActivation[t.activationId] ??= []).push(t.id);
  return { tasks: byActivation };
};
const caseOf = (c: TaskingCase): BoardChange => ({ cases: { [c.activationId]: [c.id] } });
const NOTHING: BoardChange = {};

// Every method of the ports the board's roads and figures come from, as a read or a write naming what it touched:
// a method added to one of these ports does not compile until it is said here whether (and how) it moves the board on.
const TASKS: Kinds<TaskStore> = {
  reserveTaskCodes: () => NOTHING, listTasks: 'read', getTasks: 'read', listOpenTasksForCrew: 'read',
  transitionTask: (task) => tasksOf([task]), transitionTasks: (tasks) => tasksOf(tasks), closeTasks: (tasks) => tasksOf(tasks),
};
const BOOKINGS: Kinds<TeamBookings> = {
  bookTeam: (tasks) => tasksOf(tasks), unbookTeam: (tasks) => tasksOf(tasks), reassignTask: (task) => tasksOf([task]),
  // Undoes whichever teams a crashed writer left half-booked: it cannot say which tasks beforehand.
  repairIncompleteBookings: () => ({ all: true }),
  findCovers: 'read', listBusy: 'read',
};
const CASES: Kinds<TaskingCases> = {
  createTaskingCase: (c) => caseOf(c), saveTaskingCase: (c) => caseOf(c),
  getTaskingCase: 'read', listTaskingCases: 'read', listCrewTaskingCases: 'read', listDueTaskingCases: 'read',
};
const SHORTFALLS: Kinds<ShortfallMarkers> = {
  listReportedShortfalls: 'read', markShortfallsReported: (activationId, passKeys) => ({ shortfalls: { [activationId]: [...passKeys] } }),
};

/** `port` with each of its writes followed by a bump of the version naming what it touched (a write that throws may have landed: it bumps too). */
function bumpingAfterWrites<T extends object>(port: T, kinds: Kinds<T>, version: BoardVersion): T {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      const kind = kinds[prop as keyof T] as 'read' | ((...args: unknown[]) => BoardChange) | undefined;
      if (typeof value !== 'function' || kind === undefined || kind === 'read') return value;
      return async (...args: unknown[]) => {
        const change = kind(...args);
        let result: unknown;
        try {
          result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          // The write's own error is the one to report; the bump is only tried.
          await version.bump(change).catch(() => undefined);
          throw error;
        }
        await version.bump(change);
        return result;
      };
    },
  });
}

/**
 * The storm's ports with the board version kept: every write of tasks, bookings, taskings and shortfall
 * markers bumps it once it has landed, naming what it touched, so a board poll that finds the version unchanged
 * can answer 304 without reading them, and one that finds it moved reads only what changed. Zone states,
 * activations and the log are read whole by every poll and need no bump.
 */
export function withBoardVersion<P extends Omit<OperationsPorts, 'boardVersion'>>(ports: P, store: BoardVersion): P & { boardVersion: BoardVersion } {
  const version = new CoalescedBump(store);
  return {
    ...ports,
    tasks: bumpingAfterWrites(ports.tasks, TASKS, version),
    bookings: bumpingAfterWrites(ports.bookings, BOOKINGS, version),
    taskingCases: bumpingAfterWrites(ports.taskingCases, CASES, version),
    shortfalls: bumpingAfterWrites(ports.shortfalls, SHORTFALLS, version),
    boardVersion: version,
  };
}
