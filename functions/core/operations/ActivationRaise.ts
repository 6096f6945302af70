import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';

/** A raise of an open activation: its new level and zone levels, under a new dispatch wave. */
export interface ActivationRaise {
  level: ActiveLevel;
  zoneLevels: Record<string, ResponseLevel>;
  wave: number;
  raisedAt: string;
}
