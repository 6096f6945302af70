import { createHash } from 'node:crypto';

/** A strong validator for a response body: the same bytes give the same tag on every Lambda. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether an If-None-Match header names this tag (RFC 9110 §13.1.2: weak comparison, so W/"x"
 * matches "x"; "*" matches any current representation).
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
