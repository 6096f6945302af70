import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-256 in hex: how a pass, an SMS code or a supporter's phone is kept (never the thing itself). */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(a), 'hex'), Buffer.from(sha256(b), 'hex'));
}
