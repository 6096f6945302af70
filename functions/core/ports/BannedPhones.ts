/** Why and by whom a reporter's number was banned. */
export interface PhoneBan {
  at: string;
  actor: string;
  reason: string;
  /** The case the officer banned the number from. */
  caseId: string;
}

/**
 * Reporters' numbers a duty officer has banned (moderation), held by the number's SHA-256 so the list
 * holds no phone number. Their reports are kept, and never dispatched.
 */
export interface BannedPhones {
  /** Bans a number; banning it again keeps the first ban (and says so: false). */
  ban(phoneHash: string, ban: PhoneBan): Promise<boolean>;
  /** The ban on a number, if it is banned. */
  banOf(phoneHash: string): Promise<PhoneBan | undefined>;
}
