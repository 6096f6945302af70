import { etagOf } from './etag.ts';

/**
 * ETags for an answer read from a version (GET /board): the hash of what the version was read from, then
 * until when the answer holds with nothing written (seconds, base 36). A poll whose If-None-Match names the
 * same key before that moment is answered 304 from the version alone, by whichever Lambda gets it.
 */
export function versionKey(version: unknown): string {
  return etagOf(JSON.stringify(version)).slice(1, -1);
}

export function versionTag(key: string, until: Date): string {
  return `"${key}${Math.floor(until.getTime() / 1000).toString(36)}"`;
}

/** The tag in If-None-Match that still holds for `key` at `now`, if any. */
export function heldVersionTag(ifNoneMatch: string | undefined, key: string, now: Date): string | undefined {
  if (!ifNoneMatch) return undefined;
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim().replace(/^W\//, '');
    if (!tag.startsWith(`"${key}`) || !tag.endsWith('"')) continue;
    const until = Number.parseInt(tag.slice(key.length + 1, -1), 36) * 1000;
    if (Number.isFinite(until) && now.getTime() < until) return tag;
  }
  return undefined;
}
