import type { TaskState } from '../operations/Task.ts';
import type { ReplyAction } from './ReplyIntent.ts';

const TARGET: Record<ReplyAction, TaskState> = { ack: 'acknowledged', onsite: 'on-site', done: 'done', cannot: 'cannot' };
const ALLOWED_FROM: Record<ReplyAction, readonly TaskState[]> = {
  ack: ['dispatched'],
  onsite: ['dispatched', 'acknowledged'],
  // A "3 done" can overtake the "1 acknowledged" on the network: done is accepted from any open state.
  done: ['dispatched', 'acknowledged', 'on-site'],
  cannot: ['dispatched', 'acknowledged'],
};

/** The state a reply moves a task to, or undefined when the reply does not apply to its current state. */
export function nextState(current: TaskState, action: ReplyAction): TaskState | undefined {
  return ALLOWED_FROM[action].includes(current) ? TARGET[action] : undefined;
}

/** The state a reply moves its tasks to. */
export function replyTarget(action: ReplyAction): TaskState {
  return TARGET[action];
}
