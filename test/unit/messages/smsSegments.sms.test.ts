import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { smsSegments } from '../../../functions/core/messages/smsSegments.ts';

const GSM_CHARS = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€'];
const CJK = [...'扫雪铲融剂人民路解放塔南确认到场完成无法执行回复级响应车场出发前开始'];

function reference(text: string): { encoding: string; segments: number } {
  const m = new SegmentedMessage(text);
  return { encoding: m.getEncodingName(), segments: m.segmentsCount };
}

describe('smsSegments, cross-checked against sms-segments-calculator', () => {
  it('counts GSM-7 texts (with extension characters) as the calculator does', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...GSM_CHARS), { minLength: 1, maxLength: 480 }), (chars) => {
      const text = chars.join('');
      const ours = smsSegments(text);
      expect({ encoding: ours.encoding, segments: ours.segments }).toEqual(reference(text));
    }), { numRuns: 300 });
  });

  it('counts Chinese (UCS-2) texts, with characters outside the BMP, as the calculator does', () => {
    const chars = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...CJK, ...GSM_CHARS.slice(0, 40)) }, { weight: 1, arbitrary: fc.constantFrom('𠀀', '😀', '𡃁') });
    fc.assert(fc.property(fc.array(chars, { minLength: 1, maxLength: 300 }).filter((a) => a.some((c) => !GSM_CHARS.includes(c))), (parts) => {
      const text = parts.join('');
      const ours = smsSegments(text);
      expect({ encoding: ours.encoding, segments: ours.segments }).toEqual(reference(text));
    }), { numRuns: 300 });
  });

  it('puts 70 Chinese characters in one part and 71 in two (67 per concatenated part)', () => {
    expect(smsSegments('雪'.repeat(70)).segments).toBe(1);
    expect(smsSegments('雪'.repeat(71)).segments).toBe(2);
    expect(smsSegments('雪'.repeat(134)).segments).toBe(2);
    expect(smsSegments('雪'.repeat(135)).segments).toBe(3);
  });
});
