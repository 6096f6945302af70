import { createHash } from 'node:crypto';

/** SHA-256 in hex: how a status-link secret or a supporter's phone is kept (never the thing itself). */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
