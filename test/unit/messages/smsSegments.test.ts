import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { smsSegments, type SegmentCount } from '../../../functions/core/messages/smsSegments.ts';

/** What the reference calculator (Twilio's) says about a text, in our terms. */
function reference(text: string): SegmentCount {
  const m = new SegmentedMessage(text);
  const bitsPerUnit = m.encodingName === 'GSM-7' ? 7 : 16;
  return { encoding: m.encodingName, units: m.messageSize / bitsPerUnit, segments: m.segmentsCount };
}

describe('smsSegments', () => {
  describe('GSM-7 text', () => {
    it('fits 160 ASCII characters in one segment', () => {
      expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    });

    it('needs two segments for 161 ASCII characters', () => {
      expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    });

    it('fits 306 ASCII characters in two concatenated segments of 153', () => {
      expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    });

    it('needs three segments for 307 ASCII characters', () => {
      expect(smsSegments('a'.repeat(307)).segments).toBe(3);
    });

    it('counts the euro sign as two septets', () => {
      expect(smsSegments('€')).toEqual({ encoding: 'GSM-7', units: 2, segments: 1 });
    });

    it('counts a square bracket as two septets', () => {
      expect(smsSegments('[')).toEqual({ encoding: 'GSM-7', units: 2, segments: 1 });
    });

    it('keeps accented letters of the GSM alphabet in GSM-7', () => {
      expect(smsSegments('Café Ø £5 ¿Δ?').encoding).toBe('GSM-7');
    });

    it('needs a second segment when extension characters push a 150-character text past 160 septets', () => {
      expect(smsSegments('a'.repeat(150) + '€'.repeat(6)).segments).toBe(2);
    });

    it('never splits an extension character across two segments', () => {
      // 306 septets, but the euro's escape and code cannot straddle the 153-septet boundary.
      expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(152)).segments).toBe(3);
    });

    it('costs one segment for an empty text', () => {
      expect(smsSegments('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 1 });
    });
  });

  describe('UCS-2 text', () => {
    it('fits 70 Chinese characters in one segment', () => {
      expect(smsSegments('雪'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    });

    it('needs two segments for 71 Chinese characters', () => {
      expect(smsSegments('雪'.repeat(71)).segments).toBe(2);
    });

    it('fits 134 Chinese characters in two concatenated segments of 67', () => {
      expect(smsSegments('雪'.repeat(134)).segments).toBe(2);
    });

    it('needs three segments for 135 Chinese characters', () => {
      expect(smsSegments('雪'.repeat(135)).segments).toBe(3);
    });

    it('switches the whole text to UCS-2 for a single character outside the GSM alphabet', () => {
      expect(smsSegments('a'.repeat(100) + '雪')).toEqual({ encoding: 'UCS-2', units: 101, segments: 2 });
    });

    it('counts an emoji outside the basic plane as two UTF-16 units', () => {
      expect(smsSegments('🚜')).toEqual({ encoding: 'UCS-2', units: 2, segments: 1 });
    });

    it('never splits an emoji across two segments', () => {
      // 134 units, but the emoji's surrogate pair cannot straddle the 67-unit boundary.
      expect(smsSegments('雪'.repeat(66) + '🚜' + '雪'.repeat(66)).segments).toBe(3);
    });
  });

  describe('agrees with the sms-segments-calculator package', () => {
    const samples: [string, string][] = [
      ['plain ASCII', 'Reply 1 ack/2 on site/3 done/9 cannot'],
      ['a Chinese tasking', '【扫雪】Ⅱ级响应，豫H铲001，解放区环卫车场出发，06:30前开始：T07 人民路(解放段)铲雪。回复1确认/2到场/3完成/9无法执行'],
      ['an English tasking with a Chinese road name', 'SNOW Level II: vehicle 豫H铲001 from 解放区环卫车场, start by 06:30: T07 人民路 plough. Reply 1 ack/2 on site/3 done/9 cannot'],
      ['GSM extension characters', 'Cost: €5 [approx] {est} ~10% | a^b \\ path'],
      ['a backtick, which is not GSM', 'use `code`'],
      ['full-width digits', '回复１确认'],
      ['emoji', 'Snow ❄️ plough 🚜 done 👍🏽'],
      ['a family emoji joined by zero-width joiners', '👨‍👩‍👧 home'],
      ['line breaks', 'line one\nline two\r\nline three'],
      ['exactly 160 septets with extension characters', 'a'.repeat(150) + '€'.repeat(5)],
      ['161 septets with extension characters', 'a'.repeat(151) + '€'.repeat(5)],
      ['an extension character on the 153-septet boundary', 'a'.repeat(152) + '€' + 'a'.repeat(152)],
      ['an emoji on the 67-unit boundary', '雪'.repeat(66) + '🚜' + '雪'.repeat(66)],
      ['a joined emoji on the 67-unit boundary', '雪'.repeat(65) + '👨‍👩‍👧' + '雪'.repeat(60)],
      ['Chinese punctuation', '“收到”，谢谢！（T07）'],
    ];

    it.each(samples)('on %s', (_name, text) => {
      expect(smsSegments(text)).toEqual(reference(text));
    });

    const gsmBasic = fc.constantFrom(...'abcXYZ019 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà\n'.split(''));
    const gsmExtension = fc.constantFrom('^', '{', '}', '\\', '[', ']', '~', '|', '€');
    const nonGsm = fc.constantFrom('雪', '铲', '路', '，', '。', '【', '】', '１', '`', 'ç', '❄️', '🚜', '😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '\r\n');

    it('on any GSM-7 text', () => {
      const text = fc.array(fc.oneof({ arbitrary: gsmBasic, weight: 5 }, { arbitrary: gsmExtension, weight: 1 }), { maxLength: 480 }).map((cs) => cs.join(''));
      fc.assert(fc.property(text, (t) => { expect(smsSegments(t)).toEqual(reference(t)); }), { numRuns: 300 });
    });

    it('on any mixed text', () => {
      const text = fc
        .array(fc.oneof({ arbitrary: gsmBasic, weight: 3 }, { arbitrary: gsmExtension, weight: 1 }, { arbitrary: nonGsm, weight: 3 }), { maxLength: 300 })
        .map((cs) => cs.join(''));
      fc.assert(fc.property(text, (t) => { expect(smsSegments(t)).toEqual(reference(t)); }), { numRuns: 300 });
    });

    it('on GSM-7 text with characters falling on or near a part boundary', () => {
      const filler = fc.constantFrom(150, 151, 152, 153, 154, 303, 304, 305, 306).map((n) => 'a'.repeat(n));
      // One-septet characters enough to bring the total to about a multiple of 153 septets.
      const tail = fc.array(gsmBasic, { minLength: 145, maxLength: 160 }).map((cs) => cs.join(''));
      fc.assert(fc.property(filler, gsmExtension, tail, (a, ext, b) => {
        const t = a + ext + b;
        expect(smsSegments(t)).toEqual(reference(t));
      }), { numRuns: 300 });
    });

    it('on long UCS-2 text of Latin, Greek, Cyrillic, kana, CJK, full-width forms and punctuation', () => {
      const oneUnit = fc.constantFrom(...'雪铲路㐀，。【】“”、１Ａｱ…—€→★あア゛ー　çΩЖ\u00ad\u200b\r\n\t'.split(''));
      const text = fc.array(fc.oneof({ arbitrary: oneUnit, weight: 4 }, { arbitrary: gsmBasic, weight: 1 }), { minLength: 60, maxLength: 300 }).map((cs) => cs.join(''));
      fc.assert(fc.property(text, (t) => { expect(smsSegments(t)).toEqual(reference(t)); }), { numRuns: 300 });
    });

    it('on UCS-2 text with characters falling on or near a part boundary', () => {
      const filler = fc.constantFrom(64, 65, 66, 67, 68, 131, 132, 133, 134).map((n) => '雪'.repeat(n));
      // One-unit characters enough to bring the total to about a multiple of 67 units.
      const tail = fc.array(fc.oneof(gsmBasic, fc.constantFrom('雪', '路', '，')), { minLength: 60, maxLength: 70 }).map((cs) => cs.join(''));
      fc.assert(fc.property(filler, nonGsm, tail, (a, wide, b) => {
        const t = a + wide + b;
        expect(smsSegments(t)).toEqual(reference(t));
      }), { numRuns: 300 });
    });
  });
});
