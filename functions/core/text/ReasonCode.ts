/**
 * Why something happened, as a code and its parameters, kept beside the English sentence that says it
 * (scripts and the CLI read the sentence). The console says the code in its own language from its own
 * table (console/src/ui/reasons.ts), so no reader has to match English phrases.
 */
export type ReasonParams = Record<string, string | number | boolean | null>;

export type ReasonCodeName =
  // Why an activation opened (the poller's own; an officer's reason is the officer's text).
  | 'forecast-reached-level' | 'forecast-at-level'
  // Why the poller proposes lowering an open activation (to a lower level, or a stand-down at 'none'; a pre-treatment's watch passing without snow).
  | 'forecast-below-level' | 'watch-passed'
  // Why an officer's wave did not complete (its bookings removed; the activation closed, lowered back or kept).
  | 'wave-failed'
  // Why tasks were cancelled.
  | 'stand-down' | 'downgraded-out-of-scope'
  // Why a road pass was left short (planner, booking).
  | 'teams-fully-booked' | 'certified-crews-elsewhere' | 'no-chloride-free-spreader' | 'longer-than-shift'
  | 'no-free-certified-crew' | 'no-ready-vehicle' | 'team-taken-concurrently'
  // What needs the duty officer's attention.
  | 'forecast-stale' | 'recipients-unreachable' | 'no-confirmation' | 'crew-cannot' | 'no-free-crew' | 'reply-unparsed'
  // Why the API refused.
  | 'forbidden';

export interface ReasonCode {
  code: ReasonCodeName;
  params: ReasonParams;
}

export const reasonCode = (code: ReasonCodeName, params: ReasonParams = {}): ReasonCode => ({ code, params });
