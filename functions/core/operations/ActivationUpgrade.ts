import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';

/** An upgrade of an open activation: its new level and zone levels, under a new dispatch wave. */
export interface ActivationUpgrade {
  level: ActiveLevel;
  zoneLevels: Record<string, ResponseLevel>;
  wave: number;
  upgradedAt: string;
}
