/** How one attempt to send one SMS ended. */
export type SendOutcome =
  | { status: 'sent'; providerMessageId: string; tries: number; replayed: boolean }
  | { status: 'failed'; permanent: boolean; reason: string; tries: number }
  /** It may have been delivered; it is not repeated for this attempt (escalation resends as a new attempt). */
  | { status: 'in-doubt'; reason: string; tries: number };
