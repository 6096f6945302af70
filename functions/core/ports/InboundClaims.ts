/** The tasks a reply applies to, noted before they are changed. */
export interface InboundNote {
  activationId: string;
  taskIds: string[];
}

export type InboundClaim = { status: 'new' } | { status: 'duplicate' } | { status: 'unfinished'; note?: InboundNote };

/** A claim held longer than this was left by a run that died (sms-inbound runs for seconds; Lambda retries after a minute). */
export const INBOUND_RUN_MS = 60_000;

/** Inbound SMS ids claimed before they are handled: each reply is handled once, across retries and duplicates. */
export interface InboundClaims {
  /**
   * Records an inbound SMS id before it is handled. 'new' the first time; 'duplicate' once a run has
   * finished it, or while another run is handling it; 'unfinished' when an earlier run gave it up
   * (releaseInbound) or has held it for longer than any run lasts (it died), with what that run had noted,
   * so the retry of the delivery finishes the same work.
   */
  claimInbound(inboundMessageId: string, at: string): Promise<InboundClaim>;
  /** Gives up a claimed inbound SMS whose handling failed, so that the retry of its delivery handles it. */
  releaseInbound(inboundMessageId: string): Promise<void>;
  /** Notes which tasks an inbound SMS is about, before they are changed. */
  noteInbound(inboundMessageId: string, note: InboundNote): Promise<void>;
  /** Marks an inbound SMS handled: any later delivery of it is a duplicate. */
  finishInbound(inboundMessageId: string): Promise<void>;
}
