import { describe, expect, it } from 'vitest';
import { heldVersionTag, versionKey, versionTag } from '../../../functions/handlers/api/http/versionTag.ts';

const NOW = new Date('2026-12-14T08:00:00Z');
const LATER = new Date('2026-12-14T08:10:00Z');

describe('version tags', () => {
  it('holds a tag of the same version until its moment, weak or strong', () => {
    const key = versionKey([7, { zones: [] }]);
    const tag = versionTag(key, LATER);
    expect([heldVersionTag(tag, key, NOW), heldVersionTag(`W/${tag}`, key, NOW)]).toEqual([tag, tag]);
  });

  it('does not hold a tag once its moment has come', () => {
    const key = versionKey([7]);
    expect(heldVersionTag(versionTag(key, LATER), key, LATER)).toBeUndefined();
  });

  it('does not hold a tag of another version', () => {
    expect(heldVersionTag(versionTag(versionKey([7]), LATER), versionKey([8]), NOW)).toBeUndefined();
  });

  it('reads as an ETag: one quoted token of URL-safe characters', () => {
    expect(versionTag(versionKey({ a: 1 }), LATER)).toMatch(/^"[\w-]+"$/);
  });
});
