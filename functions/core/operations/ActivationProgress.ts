import type { WaveSms } from '../dispatch/WaveSms.ts';
import type { DispatchReceipt } from '../ports/DispatchRequests.ts';
import type { ReasonCode } from '../text/ReasonCode.ts';

/**
 * Where the planning of an activation's wave stands, for the officer who asked for it (the API answered
 * 202 before it was planned): planning -> booking -> dispatching -> active, or failed with the reason.
 */
export type ActivationPhase = 'planning' | 'booking' | 'dispatching' | 'active' | 'failed';

export interface BookedSummary {
  tasks: number;
  crews: number;
  laneKmByTier: { 1: number; 2: number; 3: number };
}

export interface ActivationProgress {
  /** The wave this progress is about (1 for the activation, higher for each upgrade). */
  wave: number;
  phase: ActivationPhase;
  /** When the phase was entered. */
  at: string;
  /** What the wave booked, once booking finished. */
  booked?: BookedSummary;
  /** The wave's tasking SMS and the least time they take at the stage's pace, once booking finished (where the pace is known). */
  waveSms?: WaveSms;
  /** Road passes the wave left without a team, once booking finished (listed in the response log). */
  shortfalls?: number;
  /** What dispatch did with the wave, once it was handed over. */
  dispatch?: DispatchReceipt;
  /** Why the wave failed (phase failed). */
  reason?: string;
  /** The same as a code (wave-failed), for the console to say in its own language. */
  reasonCode?: ReasonCode;
}

/** A wave is settled when it reached active or failed: a caller waiting on it can stop. */
export const isSettled = (progress: ActivationProgress | undefined, wave: number): boolean =>
  progress !== undefined && progress.wave === wave && (progress.phase === 'active' || progress.phase === 'failed');
