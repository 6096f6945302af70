import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Task, TaskState } from '../../core/operations/Task.ts';
import type { TaskStore, TransitionGuard } from '../../core/ports/TaskStore.ts';
import type { TeamBookings } from '../../core/ports/TeamBookings.ts';
import { DIMENSION, METRIC } from '../../config/metrics.ts';
import { decorate } from './decorate.ts';
import type { Telemetry } from './Telemetry.ts';

/** A reply that confirms a tasking reached the crew; "cannot" is an answer, not an acknowledgement. */
const CONFIRMS: readonly TaskState[] = ['acknowledged', 'on-site', 'done'];

/** Counts the tasks of each team booked, as entering 'planned'. */
export function observeBookings<B extends TeamBookings>(inner: B, telemetry: Telemetry): B {
  return decorate(inner, {
    async bookTeam(tasks: Task[], lane?: number) {
      const result = await inner.bookTeam(tasks, lane);
      if (result.ok && tasks.length > 0) {
        telemetry.correlate(tasks[0]!.activationId);
        telemetry.count(METRIC.taskTransitions, tasks.length, { name: DIMENSION.state, value: 'planned' });
      }
      return result;
    },
  } as Partial<B>);
}

/**
 * Counts tasks entering each state and the time from dispatch to the leader's first confirming reply.
 * A dispatched task's updatedAt is the moment it was dispatched.
 */
export function observeTasks<S extends TaskStore>(inner: S, telemetry: Telemetry): S {
  const recordAcknowledgement = (task: Task, from: TaskState, to: TaskState, at: string) => {
    if (from !== 'dispatched' || !CONFIRMS.includes(to)) return;
    const seconds = (Date.parse(at) - Date.parse(task.updatedAt)) / 1000;
    if (Number.isFinite(seconds) && seconds >= 0) telemetry.record(METRIC.timeToAcknowledge, MetricUnit.Seconds, seconds);
  };
  /** Counts the tasks a batch write moved, and their acknowledgements as read before it (its state and updatedAt say whether, and since when, each was waiting for an answer). */
  const recordBatch = (read: readonly Task[], done: readonly Task[], to: TaskState, at: string) => {
    if (done.length === 0) return;
    telemetry.correlate(done[0]!.activationId);
    telemetry.count(METRIC.taskTransitions, done.length, { name: DIMENSION.state, value: to });
    const ids = new Set(done.map((t) => t.id));
    for (const task of read) if (ids.has(task.id)) recordAcknowledgement(task, task.state, to, at);
  };
  return decorate(inner, {
    async closeTasks(tasks: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard) {
      const closed = await inner.closeTasks(tasks, to, at, guard);
      recordBatch(tasks, closed, to, at);
      return closed;
    },
    async transitionTasks(tasks: readonly Task[], to: TaskState, at: string) {
      const moved = await inner.transitionTasks(tasks, to, at);
      recordBatch(tasks, moved, to, at);
      return moved;
    },
    async transitionTask(task: Task, from: TaskState, to: TaskState, at: string, guard?: TransitionGuard) {
      const moved = await inner.transitionTask(task, from, to, at, guard);
      if (moved) {
        telemetry.correlate(task.activationId);
        telemetry.count(METRIC.taskTransitions, 1, { name: DIMENSION.state, value: to });
        recordAcknowledgement(task, from, to, at);
      }
      return moved;
    },
  } as Partial<S>);
}
