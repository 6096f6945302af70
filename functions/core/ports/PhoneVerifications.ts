/** An SMS code sent to a phone, as kept: its hash, when it lapses, how many guesses it has had. */
export interface PhoneCode {
  codeHash: string;
  expiresAt: string;
  attempts: number;
}

export type CodeAttempt = { status: 'counted'; code: PhoneCode } | { status: 'none' } | { status: 'exhausted' };

/** Codes sent to reporters' phones and the passes a right code earns. Phones are keys here; nothing is logged. */
export interface PhoneVerifications {
  /** Keeps a new code for a phone, replacing any earlier one (its guesses start again at 0). */
  putCode(phone: string, code: { codeHash: string; expiresAt: string }): Promise<void>;
  /**
   * Counts one guess at the phone's code, atomically: `none` when there is no live code at `now`,
   * `exhausted` when it has had `maxAttempts` guesses already; else the code, its guesses counted.
   */
  countAttempt(phone: string, now: string, maxAttempts: number): Promise<CodeAttempt>;
  removeCode(phone: string): Promise<void>;
  /** Keeps a pass (by its hash) that stands for a verified phone until `expiresAt`. */
  putPass(passHash: string, phone: string, expiresAt: string): Promise<void>;
  /** The phone a live pass stands for. */
  findPass(passHash: string, now: string): Promise<string | undefined>;
}
