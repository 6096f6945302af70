import type { Clock } from '../../functions/core/ports/Clock.ts';

/** A clock the local runtime moves forward, so a storm of hours runs in seconds. */
export class SimulatedClock implements Clock {
  private current: number;
  constructor(start: Date) {
    this.current = start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(minutes: number): void {
    this.current += minutes * 60_000;
  }
}
