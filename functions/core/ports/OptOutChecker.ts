/** Whether the provider will refuse a number because its owner opted out (STOP at the carrier). */
export interface OptOutChecker {
  isOptedOut(phone: string): Promise<boolean>;
  /** Optional hint before a wave: the checker may fetch the whole opt-out list once instead of one check per number. */
  prefetch?(phones: readonly string[]): Promise<void>;
}
