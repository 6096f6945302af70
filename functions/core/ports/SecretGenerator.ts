/** Unguessable secrets (a reporter's status link): 256 random bits, URL-safe. */
export interface SecretGenerator {
  next(): string;
}
