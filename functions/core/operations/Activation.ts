import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { ReasonCode } from '../text/ReasonCode.ts';
import type { ActivationProgress } from './ActivationProgress.ts';
import type { PreTreatment } from './PreTreatment.ts';

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
  /** The reason as a code, when the poller opened it (an officer's reason is free text). */
  reasonCode?: ReasonCode;
  /**
   * How many pieces of forecast evidence it was opened on. The evidence itself is kept apart from the
   * record (ActivationStore.getEvidence), so that the record stays small at any city size (400 zones give
   * ~2,000 pieces, over a megabyte) and the reads on every poll, reply and dispatch do not carry it.
   */
  evidenceCount: number;
  /** Dispatch waves sent so far. */
  wave: number;
  /**
   * The last wave whose planning finished. Below `wave` while a wave is being planned, or when the run
   * planning it failed (the poller then finishes it). Absent on activations recorded before it was kept.
   */
  plannedWave?: number;
  /**
   * Booking runs started or ended on the activation (each counts twice: at its start and its end), and the
   * count the last finished wave dispatch had read: below bookingRuns, something booked may be untold, and
   * the poller asks for the wave's dispatch without reading the activation's tasks. Absent on activations
   * recorded before they were kept.
   */
  bookingRuns?: number;
  dispatchedBookingRuns?: number;
  /** Crews that answered "9" (cannot) in this activation: no replacement picks them again (absent: none). */
  refusedCrewIds?: string[];
  /** Where the planning of the latest wave stands (absent on activations recorded before it was kept). */
  progress?: ActivationProgress;
  /** Set when a duty officer opened it for pre-treatment while zones were on watch (its first wave). */
  preTreatment?: PreTreatment;
  /** When the level was last upgraded mid-storm. */
  upgradedAt?: string;
  /** Set by stand-down. */
  closedAt?: string;
  closedBy?: string;
  closeReason?: string;
}
