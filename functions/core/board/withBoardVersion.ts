import type { BoardVersion } from '../ports/BoardVersion.ts';
import type { OperationsPorts } from '../ports/OperationsPorts.ts';
import type { ShortfallMarkers } from '../ports/ShortfallMarkers.ts';
import type { TaskingCases } from '../ports/TaskingCases.ts';
import type { TaskStore } from '../ports/TaskStore.ts';
import type { TeamBookings } from '../ports/TeamBookings.ts';
import { CoalescedBump } from './CoalescedBump.ts';

type Kinds<T> = Record<keyof T, 'read' | 'write'>;

// Every method of the ports the board's roads and figures come from, as read or write: a method added to one
// of these ports does not compile until it is said here whether it moves the board on.
const TASKS: Kinds<TaskStore> = { reserveTaskCodes: 'write', listTasks: 'read', getTasks: 'read', listOpenTasksForCrew: 'read', transitionTask: 'write', transitionTasks: 'write', closeTasks: 'write' };
const BOOKINGS: Kinds<TeamBookings> = { bookTeam: 'write', unbookTeam: 'write', repairIncompleteBookings: 'write', reassignTask: 'write', findCovers: 'read', listBusy: 'read' };
const CASES: Kinds<TaskingCases> = { createTaskingCase: 'write', getTaskingCase: 'read', saveTaskingCase: 'write', listTaskingCases: 'read', listCrewTaskingCases: 'read', listDueTaskingCases: 'read' };
const SHORTFALLS: Kinds<ShortfallMarkers> = { listReportedShortfalls: 'read', markShortfallsReported: 'write' };

/** `port` with each of its writes followed by a bump of the version (a write that throws may have landed: it bumps too). */
function bumpingAfterWrites<T extends object>(port: T, kinds: Kinds<T>, version: BoardVersion): T {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || kinds[prop as keyof T] !== 'write') return value;
      return async (...args: unknown[]) => {
        let result: unknown;
        try {
          result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          // The write's own error is the one to report; the bump is only tried.
          await version.bump().catch(() => undefined);
          throw error;
        }
        await version.bump();
        return result;
      };
    },
  });
}

/**
 * The storm's ports with the board version kept: every write of tasks, bookings, taskings and shortfall
 * markers bumps it once it has landed, so a board poll that finds the version unchanged can answer 304
 * without reading them. Zone states, activations and the log are read whole by every poll and need no bump.
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
