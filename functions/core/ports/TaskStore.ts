import type { Task, TaskState } from '../operations/Task.ts';

/** A close that holds only while the activation is still at this dispatch wave (not upgraded meanwhile). */
export interface TransitionGuard {
  wave: number;
}

/** The tasks of activations and their states; closing a task frees its team's booking with it. */
export interface TaskStore {
  /** Reserves `count` task codes in an activation; returns the first index (codes never repeat). */
  reserveTaskCodes(activationId: string, count: number): Promise<number>;
  listTasks(activationId: string): Promise<Task[]>;
  /** Some tasks of an activation, by id, in the order asked, as they are now (strongly consistent); ids not found are left out. */
  getTasks(activationId: string, taskIds: readonly string[]): Promise<Task[]>;
  listOpenTasksForCrew(crewId: string): Promise<Task[]>;
  /** Moves a task from one state to another; false when it was no longer in `from`, or no longer with `task`'s team (reassigned meanwhile). A task that closes frees its crew and vehicle once they have no open task left. */
  transitionTask(task: Task, from: TaskState, to: TaskState, at: string, guard?: TransitionGuard): Promise<boolean>;
  /**
   * Moves open tasks on to another open state (a tasking dispatched, a reply's "acknowledged" or "on site"), each from
   * the state it was read in and while still with the crew read, a crew's together in one write instead of one per
   * task; returns those moved, in `to`. A task that moved meanwhile, or left its crew, is left as it is. A closing
   * state is closeTasks' (it frees the team).
   */
  transitionTasks(tasks: readonly Task[], to: TaskState, at: string): Promise<Task[]>;
  /**
   * Closes open tasks (a stand-down, a downgrade), each from the state it was read in, a team's together; returns
   * those closed. A task that moved meanwhile, or left its team, is left as it is; with `guard`, nothing closes
   * once the activation has been upgraded past the guard's wave. Crews and vehicles are freed as by transitionTask.
   */
  closeTasks(tasks: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): Promise<Task[]>;
}
