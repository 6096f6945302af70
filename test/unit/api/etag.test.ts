import { describe, expect, it } from 'vitest';
import { etagOf, matchesIfNoneMatch } from '../../../functions/handlers/api/http/etag.ts';

describe('ETags', () => {
  it('gives the same body the same quoted tag and a different body another', () => {
    expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
    expect(etagOf('x')).toMatch(/^"[\w-]{27}"$/);
  });

  it.each([
    ['the same tag', (t: string) => t, true],
    ['the weak form of the tag', (t: string) => `W/${t}`, true],
    ['a list holding the tag', (t: string) => `"other", ${t}`, true],
    ['a star', () => '*', true],
    ['another tag', () => '"other"', false],
    ['no header', () => undefined, false],
  ])('If-None-Match with %s matches: %s', (_name, header, expected) => {
    const tag = etagOf('body');
    expect(matchesIfNoneMatch(header(tag), tag)).toBe(expected);
  });
});
