import { InvalidCursorError } from '../../core/errors/InvalidCursorError.ts';

/** An opaque page cursor naming the activation and the last entry handed out; every log adapter issues the same. */
export function encodeLogCursor(activationId: string, entryId: string): string {
  return Buffer.from(JSON.stringify({ a: activationId, e: entryId }), 'utf8').toString('base64url');
}

/** The entry id a cursor of this activation's log points after; InvalidCursorError for any other cursor. */
export function decodeLogCursor(cursor: string, activationId: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { a?: unknown; e?: unknown };
    if (parsed.a === activationId && typeof parsed.e === 'string' && parsed.e.length > 0) return parsed.e;
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError();
}
