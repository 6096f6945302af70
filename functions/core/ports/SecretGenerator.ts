/** Unguessable secrets from a cryptographic source. */
export interface SecretGenerator {
  /** 256 random bits, URL-safe (a reporter's status link, a verified phone's pass). */
  next(): string;
  /** `count` random decimal digits (an SMS code). */
  digits(count: number): string;
}
