import type { Clock } from '../../core/ports/Clock.ts';

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
