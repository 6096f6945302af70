import { describe, expect, it } from 'vitest';
import { plainText } from '../../../functions/core/citizen/plainText.ts';

describe('plainText', () => {
  it('removes tags and stray angle brackets', () => {
    expect(plainText('a <script>x</script> b < c >')).toBe('a x b c');
  });

  it('keeps Chinese text and line breaks', () => {
    expect(plainText('桥面结冰\n请尽快处理')).toBe('桥面结冰\n请尽快处理');
  });

  it('removes control characters', () => {
    expect(plainText('a\u0000b\u0007c')).toBe('a b c');
  });
});
