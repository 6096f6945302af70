import { levelRank, type ResponseLevel } from '../levels/ResponseLevel.ts';

export interface HysteresisState {
  level: ResponseLevel;
  /** Consecutive polls whose forecast was below `level`. */
  belowCount: number;
}

export type LevelChange = 'upgrade' | 'downgrade' | 'holding' | 'steady';

/**
 * Upgrade at once; drop only after `downgradeAfterPolls` consecutive polls below the current level, and
 * then to the highest level those polls gave (so a noisy forecast does not flip-flop). `holding` means
 * below, but not for long enough yet.
 */
export function applyHysteresis(
  prior: HysteresisState & { recentMax?: ResponseLevel },
  forecastLevel: ResponseLevel,
  downgradeAfterPolls: number,
): HysteresisState & { change: LevelChange; recentMax: ResponseLevel } {
  if (levelRank(forecastLevel) >= levelRank(prior.level)) {
    return { level: forecastLevel, belowCount: 0, recentMax: 'none', change: forecastLevel === prior.level ? 'steady' : 'upgrade' };
  }
  const belowCount = prior.belowCount + 1;
  const recentMax = prior.belowCount > 0 && prior.recentMax && levelRank(prior.recentMax) > levelRank(forecastLevel) ? prior.recentMax : forecastLevel;
  if (belowCount >= downgradeAfterPolls) return { level: recentMax, belowCount: 0, recentMax: 'none', change: 'downgrade' };
  return { level: prior.level, belowCount, recentMax, change: 'holding' };
}
