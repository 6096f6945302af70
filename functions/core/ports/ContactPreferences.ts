/** What a phone asked of us: no more SMS (STOP), when it last got a help reply, and how many answers it got lately. */
export interface ContactPreferences {
  /** A leader texted STOP: their number is not sent to again until an administrator clears it. */
  recordOptOut(phone: string, at: string): Promise<void>;
  isOptedOut(phone: string): Promise<boolean>;
  /**
   * True (and recorded) when no help SMS went to this phone within the window: unknown replies get help once.
   * `forMessage` is the inbound SMS being answered: a retry of that same SMS finds its own claim and gets true again.
   */
  claimHelpReply(phone: string, at: string, windowMinutes: number, forMessage: string): Promise<boolean>;
  /**
   * True (and counted) when fewer than `limit` answers went to this phone in the rate window starting at
   * `windowStart`: every answer to an inbound SMS is rate-limited per phone. `forMessage` is the inbound SMS
   * being answered: a retry of that same SMS finds its own count and gets true again.
   */
  claimReplyAnswer(phone: string, windowStart: string, limit: number, forMessage: string): Promise<boolean>;
}
