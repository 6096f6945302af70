import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRoutes } from '../../../functions/core/planner/planRoutes.ts';
import type { Clock } from '../../../functions/core/ports/Clock.ts';
import { plannerInputArb } from '../../support/plannerArbitraries.ts';
import { generateCity } from '../../../bench/planner/generateCity.ts';

/** A clock that moves `stepMs` every time it is read: the same search seen by a fast machine (small step) or a slow one. */
class SteppingClock implements Clock {
  private at = Date.parse('2026-12-14T00:00:00Z');
  constructor(private readonly stepMs: number) {}
  now(): Date {
    this.at += this.stepMs;
    return new Date(this.at);
  }
}

const WORK = 100_000;
const HOUR_MS = 3_600_000;

describe('the planner is deterministic', () => {
  it('gives the same plan for the same seed and input whatever the wall clock says, within the safety cap', () => {
    fc.assert(fc.property(plannerInputArb, fc.integer({ min: 1, max: 1_000 }), (input, seed) => {
      const fast = planRoutes(input, { seed, work: WORK, clock: new SteppingClock(0.01), safetyCapMs: HOUR_MS });
      const slow = planRoutes(input, { seed, work: WORK, clock: new SteppingClock(1_000), safetyCapMs: HOUR_MS });
      expect(slow.stats!.hitSafetyCap).toBe(false);
      expect([...slow.solution.taskCand]).toEqual([...fast.solution.taskCand]);
      expect([...slow.solution.pairOfVehicle]).toEqual([...fast.solution.pairOfVehicle]);
      expect(slow.teams).toEqual(fast.teams);
    }), { numRuns: 15 });
  });

  it('gives the same plan on a bench city when a second run is made under a heavier clock', () => {
    const input = generateCity('medium');
    const first = planRoutes(input, { seed: 3, work: 2_000_000, clock: new SteppingClock(0.01), safetyCapMs: HOUR_MS });
    const second = planRoutes(input, { seed: 3, work: 2_000_000, clock: new SteppingClock(50), safetyCapMs: HOUR_MS });
    expect(second.stats!.work).toBe(first.stats!.work);
    expect([...second.solution.taskCand]).toEqual([...first.solution.taskCand]);
  });

  it('spends the work budget it is given, and no more than a node or a candidate list over it', () => {
    const input = generateCity('medium');
    const plan = planRoutes(input, { seed: 3, work: 2_000_000 });
    expect(plan.stats!.work).toBeGreaterThanOrEqual(2_000_000);
    expect(plan.stats!.work).toBeLessThan(2_100_000);
    expect(plan.stats!.iterations).toBeGreaterThan(0);
  });

  it('stops early when the wall-clock safety cap passes, and says so', () => {
    const input = generateCity('medium');
    const plan = planRoutes(input, { seed: 3, work: 50_000_000, clock: new SteppingClock(1_000), safetyCapMs: 10_000 });
    expect(plan.stats!.hitSafetyCap).toBe(true);
    expect(plan.stats!.work).toBeLessThan(50_000_000);
  });
});
