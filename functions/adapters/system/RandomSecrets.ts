import { randomBytes, randomInt } from 'node:crypto';
import type { SecretGenerator } from '../../core/ports/SecretGenerator.ts';

/** From the system's CSPRNG. */
export class RandomSecrets implements SecretGenerator {
  next(): string {
    return randomBytes(32).toString('base64url');
  }

  digits(count: number): string {
    return Array.from({ length: count }, () => String(randomInt(10))).join('');
  }
}
