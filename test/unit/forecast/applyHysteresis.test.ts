import { describe, expect, it } from 'vitest';
import type { ResponseLevel } from '../../../functions/core/levels/ResponseLevel.ts';
import { applyHysteresis, type HysteresisState } from '../../../functions/core/triggers/applyHysteresis.ts';

/** Feeds a run of forecast levels through hysteresis from `start`; returns the level after each poll. */
function run(start: ResponseLevel, forecasts: ResponseLevel[], polls = 3): ResponseLevel[] {
  let state: HysteresisState & { recentMax?: ResponseLevel } = { level: start, belowCount: 0 };
  return forecasts.map((f) => {
    state = applyHysteresis(state, f, polls);
    return state.level;
  });
}

describe('applyHysteresis', () => {
  it('upgrades at once', () => {
    expect(run('IV', ['I'])).toEqual(['I']);
  });

  it('holds the level until the plan\'s number of consecutive polls below it', () => {
    expect(run('II', ['none', 'none', 'none'])).toEqual(['II', 'II', 'none']);
  });

  it('starts counting again when a poll comes back up to the level', () => {
    expect(run('II', ['none', 'none', 'II', 'none', 'none', 'none'])).toEqual(['II', 'II', 'II', 'II', 'II', 'none']);
  });

  it('drops to the highest level the polls below gave, not the last one', () => {
    expect(run('I', ['III', 'none', 'IV'])).toEqual(['I', 'I', 'III']);
  });

  it('does not flip-flop on a forecast that alternates around a threshold', () => {
    expect(run('II', ['III', 'II', 'III', 'II', 'III', 'II'])).toEqual(['II', 'II', 'II', 'II', 'II', 'II']);
  });

  it('drops after one poll when the plan says one', () => {
    expect(run('III', ['IV'], 1)).toEqual(['IV']);
  });

  it('reports the kind of change', () => {
    const changes = [
      applyHysteresis({ level: 'IV', belowCount: 0 }, 'II', 3).change,
      applyHysteresis({ level: 'II', belowCount: 0 }, 'II', 3).change,
      applyHysteresis({ level: 'II', belowCount: 0 }, 'IV', 3).change,
      applyHysteresis({ level: 'II', belowCount: 2 }, 'IV', 3).change,
    ];

    expect(changes).toEqual(['upgrade', 'steady', 'holding', 'downgrade']);
  });
});
