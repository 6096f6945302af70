import type { Activation } from '../operations/Activation.ts';

/**
 * A stood-down activation whose open tasks may not all be cancelled yet, or whose crews not all told: its close
 * was counted as a booking run that no finished dispatch has covered. Activations recorded before the counts were
 * kept were stood down in the request itself: finished.
 */
export function standDownUnfinished(activation: Activation): boolean {
  return activation.status !== 'open' && activation.bookingRuns !== undefined && activation.bookingRuns > (activation.dispatchedBookingRuns ?? 0);
}
