import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { ActivationUpgrade } from '../operations/ActivationUpgrade.ts';
import type { ActivationProgress } from '../operations/ActivationProgress.ts';
import type { Evidence } from '../triggers/Evidence.ts';

export interface ActivationClose {
  closedAt: string;
  closedBy: string;
  closeReason: string;
}

/** Activations: at most one open at a time, its level and dispatch wave, and the list of past ones. */
export interface ActivationStore {
  getOpenActivation(): Promise<Activation | undefined>;
  getActivation(id: string): Promise<Activation | undefined>;
  /** Opens an activation with the evidence it was opened on, unless one is open already; exactly one of racing callers wins. */
  createActivation(activation: Activation, evidence: readonly Evidence[]): Promise<'created' | 'exists'>;
  /** The evidence an activation was opened on, whole and in the order given (empty for an unknown activation). */
  getEvidence(activationId: string): Promise<Evidence[]>;
  /** Records that the planning of `wave` finished (the activation's plannedWave only goes up). */
  markWavePlanned(activationId: string, wave: number): Promise<void>;
  /**
   * A booking run on the activation started or ended: its bookingRuns count goes up by one. Until a wave
   * dispatch that read the activation after this finishes, the poller asks for the wave's dispatch again.
   */
  noteBookingRun(activationId: string): Promise<void>;
  /** A wave dispatch that read the activation at `bookingRuns` finished: what was booked by then was texted (only goes up). */
  markBookingsDispatched(activationId: string, bookingRuns: number): Promise<void>;
  /** Records that a crew answered "cannot" in the activation (refusedCrewIds; each crew once): replacements leave it out. */
  noteRefusal(activationId: string, crewId: string): Promise<void>;
  /** Records where the planning of a wave stands; ignored when a later wave's progress is already recorded. */
  recordProgress(activationId: string, progress: ActivationProgress): Promise<void>;
  /** Upgrades an open activation's level under a new wave; false when it is no longer open or its wave moved on (someone else upgraded it). */
  upgradeActivation(activationId: string, upgrade: ActivationUpgrade, expectedWave: number): Promise<boolean>;
  /** Closes an activation whose planning failed, so that a retry can open a new one. */
  abandonActivation(activationId: string, at: string, reason: string): Promise<void>;
  /**
   * Closes an open activation and clears the open pointer, in one step; 'not-open' when it was
   * already closed (a second stand-down) or does not exist.
   */
  closeActivation(id: string, close: ActivationClose): Promise<'closed' | 'not-open'>;
  /** Moves an open activation from one level to another; false when it was no longer open at `from`. */
  changeActivationLevel(id: string, from: ActiveLevel, to: ActiveLevel, zoneLevels: Record<string, ResponseLevel>): Promise<boolean>;
  /** The most recent activations, newest first. */
  listActivations(limit: number): Promise<Activation[]>;
}
