import { describe, expect, it } from 'vitest';
import type { TaskState } from '../../../functions/core/operations/Task.ts';
import type { ReplyAction } from '../../../functions/core/replies/ReplyIntent.ts';
import { nextState } from '../../../functions/core/replies/nextState.ts';

const ACTIONS: ReplyAction[] = ['ack', 'onsite', 'done', 'cannot'];

describe('nextState', () => {
  it('acknowledges a dispatched task', () => {
    expect(nextState('dispatched', 'ack')).toBe('acknowledged');
  });

  it('puts an acknowledged task on site', () => {
    expect(nextState('acknowledged', 'onsite')).toBe('on-site');
  });

  it('finishes a task that is on site', () => {
    expect(nextState('on-site', 'done')).toBe('done');
  });

  it('accepts a "done" that arrives before the "ack"', () => {
    expect(nextState('dispatched', 'done')).toBe('done');
  });

  it('ignores an "ack" that arrives after the "done"', () => {
    expect(nextState('done', 'ack')).toBeUndefined();
  });

  it('does not move an on-site task back to acknowledged', () => {
    expect(nextState('on-site', 'ack')).toBeUndefined();
  });

  it('lets a leader report that a dispatched task cannot be done', () => {
    expect(nextState('dispatched', 'cannot')).toBe('cannot');
  });

  it.each<TaskState>(['done', 'verified', 'cannot', 'cancelled', 'planned'])('lets no reply move a task that is %s', (state) => {
    expect(ACTIONS.map((a) => nextState(state, a))).toEqual([undefined, undefined, undefined, undefined]);
  });
});
