import { levelRank, maxLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { ZoneState } from '../operations/ZoneState.ts';

/**
 * The level the forecast implies in each zone: its level now or, on watch (weather beyond the lead
 * time), its watch level if higher. Zones at none are left out: empty when nothing is forecast.
 */
export function impliedLevels(states: readonly ZoneState[]): Record<string, ResponseLevel> {
  const levels: Record<string, ResponseLevel> = {};
  for (const s of states) {
    const level = maxLevel(s.level, s.watch ? (s.watchLevel ?? 'none') : 'none');
    if (levelRank(level) > 0) levels[s.zoneId] = level;
  }
  return levels;
}
