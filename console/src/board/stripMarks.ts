import type { ActiveLevel, Board } from '../api/types.ts';

const HOUR_MS = 3_600_000;
const RANK: Record<ActiveLevel, number> = { IV: 1, III: 2, II: 3, I: 4 };

export interface StripMarks {
  /** Per hour: the highest level whose threshold the window ending with that hour reaches, or null. */
  levels: (ActiveLevel | null)[];
  /** Per level reached: when its window first fills to the threshold (the end of that hour), UTC ms. */
  triggers: { level: ActiveLevel; at: number }[];
  /** The first hour with snow water, UTC ms; null when none falls. */
  snowFrom: number | null;
}

/**
 * What the forecast strip marks on a zone's hours: the plan's thresholds are sums over rolling windows
 * (CMA: 6 h ≥ 10 mm for II), so an hour is coloured by the window that ends with it, and a level's trigger
 * time is the end of the first window whose sum reaches it. Gaps add nothing (the sum is then a lower bound).
 */
export function stripMarks(hourly: NonNullable<Board['zones'][number]['hourly']>, thresholds: Board['thresholds']): StripMarks {
  const from = Date.parse(hourly.from);
  const water = hourly.snowWaterMm;
  const levels: (ActiveLevel | null)[] = water.map(() => null);
  const first = new Map<ActiveLevel, number>();
  for (const t of thresholds) {
    let sum = 0;
    for (let i = 0; i < water.length; i++) {
      sum += water[i] ?? 0;
      if (i >= t.windowHours) sum -= water[i - t.windowHours] ?? 0;
      if (sum + 1e-9 < t.waterMm) continue;
      const held = levels[i];
      if (!held || RANK[t.level] > RANK[held]) levels[i] = t.level;
      if (!first.has(t.level) || first.get(t.level)! > i) first.set(t.level, i);
    }
  }
  const snowy = water.findIndex((w) => (w ?? 0) > 0);
  return {
    levels,
    triggers: [...first].sort((a, b) => RANK[a[0]] - RANK[b[0]]).map(([level, i]) => ({ level, at: from + (i + 1) * HOUR_MS })),
    snowFrom: snowy < 0 ? null : from + snowy * HOUR_MS,
  };
}
