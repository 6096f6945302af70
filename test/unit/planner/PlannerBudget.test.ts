import { describe, expect, it } from 'vitest';
import { DEFAULT_SAFETY_CAP_MS, defaultSafetyCapMs, defaultWork, readyWork } from '../../../functions/core/planner/PlannerBudget.ts';
import type { PlanningModel } from '../../../functions/core/planner/PlanningModel.ts';
import { MAX_READY_WORK, MIN_WORK, READY_WORK_PER_CANDIDATE, WORK_PER_CANDIDATE } from '../../../functions/core/planner/search/tuning.ts';

/** Only the candidate count decides a default budget. */
const modelWith = (candidates: number) => ({ candVehicle: new Int32Array(candidates) }) as unknown as PlanningModel;

describe('the default safety cap', () => {
  it('is the 15 s floor for the budget of a city of a few thousand roads', () => {
    expect(defaultSafetyCapMs(10_000_000)).toBe(DEFAULT_SAFETY_CAP_MS);
  });

  it('grows with the work budget beyond it, a second per million work units', () => {
    expect(defaultSafetyCapMs(60_000_000)).toBe(60_000);
  });
});

describe('the budget of a plan made ahead of the snow', () => {
  it('is fifteen times an activation\'s for a city of 5,000 roads (330,000 candidates)', () => {
    const model = modelWith(330_000);
    expect(readyWork(model)).toBe(READY_WORK_PER_CANDIDATE * 330_000);
    expect(readyWork(model) / defaultWork(model)).toBe(READY_WORK_PER_CANDIDATE / WORK_PER_CANDIDATE);
  });

  it('stops at its ceiling for a city of 50,000 roads', () => {
    expect(readyWork(modelWith(3_400_000))).toBe(MAX_READY_WORK);
  });

  it('is never below an activation\'s, for the smallest city too', () => {
    expect(readyWork(modelWith(10))).toBe(MIN_WORK);
    expect(readyWork(modelWith(3_400_000))).toBeGreaterThanOrEqual(defaultWork(modelWith(3_400_000)));
  });
});
