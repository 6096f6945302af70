/** One line of the append-only response log: who or what did what, when and why. */
export interface LogEntry {
  /** The activation it belongs to, or "system" for entries outside any activation. */
  activationId: string;
  at: string;
  /** "system", "poller", an officer's username, or a leader's masked phone. Never a raw phone. */
  actor: string;
  action: string;
  /** What the entry is about, e.g. "task:T07", "message:…", "zone:jiefang". */
  subject?: string;
  details: Record<string, unknown>;
  reason?: string;
}
