import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import type { ActivationProgress } from './ActivationProgress.ts';

export type ActivationStatus = 'open' | 'stood-down';

/** A run of the plan at a level: opened by the poller or a duty officer, closed by stand-down. */
export interface Activation {
  id: string;
  level: ActiveLevel;
  zoneLevels: Record<string, ResponseLevel>;
  status: ActivationStatus;
  openedAt: string;
  openedBy: string;
  reason: string;
  evidence: Evidence[];
  /** Dispatch waves sent so far. */
  wave: number;
  /**
   * The last wave whose planning finished. Below `wave` while a wave is being planned, or when the run
   * planning it failed (the poller then finishes it). Absent on activations recorded before it was kept.
   */
  plannedWave?: number;
  /** Where the planning of the latest wave stands (absent on activations recorded before it was kept). */
  progress?: ActivationProgress;
  /** When the level was last upgraded mid-storm. */
  upgradedAt?: string;
  /** Set by stand-down. */
  closedAt?: string;
  closedBy?: string;
  closeReason?: string;
}
