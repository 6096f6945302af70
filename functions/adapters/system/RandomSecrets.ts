import { randomBytes } from 'node:crypto';
import type { SecretGenerator } from '../../core/ports/SecretGenerator.ts';

/** 32 bytes from the system's CSPRNG, base64url (43 characters). */
export class RandomSecrets implements SecretGenerator {
  next(): string {
    return randomBytes(32).toString('base64url');
  }
}
