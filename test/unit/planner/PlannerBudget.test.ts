import { describe, expect, it } from 'vitest';
import { DEFAULT_SAFETY_CAP_MS, defaultSafetyCapMs } from '../../../functions/core/planner/PlannerBudget.ts';

describe('the default safety cap', () => {
  it('is the 15 s floor for the budget of a city of a few thousand roads', () => {
    expect(defaultSafetyCapMs(10_000_000)).toBe(DEFAULT_SAFETY_CAP_MS);
  });

  it('grows with the work budget beyond it, a second per million work units', () => {
    expect(defaultSafetyCapMs(60_000_000)).toBe(60_000);
  });
});
