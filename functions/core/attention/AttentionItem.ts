import type { ReasonCode } from '../text/ReasonCode.ts';

/** What a duty officer must look at, and so what resolves it. */
export type AttentionKind = 'unconfirmed' | 'unreachable' | 'cannot' | 'shortfall' | 'stale-forecast' | 'unparsed-reply';

export interface AttentionItem {
  kind: AttentionKind;
  at: string;
  crewId: string | null;
  crewName: string | null;
  zoneId: string | null;
  /** The tasks it is about (reassign them); empty for a zone or a reply. */
  taskCodes: string[];
  /** A crew's reply the parser could not read, as sent. */
  text: string | null;
  /** In English, for scripts and the CLI. */
  detail: string;
  /** The detail's code and figures, for the console to say in its own language. */
  reasonCode: ReasonCode;
}
