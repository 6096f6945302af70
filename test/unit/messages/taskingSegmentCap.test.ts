import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taskCode } from '../../../functions/core/activation/taskCode.ts';
import { renderTaskingMessages } from '../../../functions/core/messages/renderTaskingMessages.ts';
import { smsSegments } from '../../../functions/core/messages/smsSegments.ts';
import { TEXT_LIMITS } from '../../../functions/core/registry/limits.ts';
import { aTask } from '../../support/builders/task.ts';

const SHANGHAI = 'Asia/Shanghai';
const tasks = (n: number, roadName: (i: number) => string) => Array.from({ length: n }, (_, i) => aTask({ id: `t${i}`, code: taskCode(i), sequence: i, roadName: roadName(i) }));

describe('a tasking never costs more than the plan\'s segment cap (issue 14, defect 2)', () => {
  it('sends a short tasking whole, in one message, unabbreviated', () => {
    const out = renderTaskingMessages({ language: 'zh-CN', level: 'II', tasks: tasks(2, (i) => `人民路${i}`), timeZone: SHANGHAI, segmentCap: 4 });
    expect(out.messages).toHaveLength(1);
    expect(out.abbreviated).toBe(false);
    expect(out.messages[0]!.body).toContain('人民路0');
  });

  it('splits thirty tasks with the longest names over messages in order, each within the cap, numbered 1/n …', () => {
    const list = tasks(30, (i) => `${'长'.repeat(TEXT_LIMITS.roadName - 3)}${String(i).padStart(3, '0')}`);
    const out = renderTaskingMessages({ language: 'zh-CN', level: 'II', tasks: list, timeZone: SHANGHAI, segmentCap: 4 });
    expect(out.messages.length).toBeGreaterThan(1);
    for (const m of out.messages) expect(m.segments).toBeLessThanOrEqual(4);
    const codes = out.messages.flatMap((m) => m.taskCodes);
    expect(codes).toEqual(list.map((t) => t.code));
    out.messages.forEach((m, i) => expect(m.body).toContain(`(${i + 1}/${out.messages.length})`));
  });

  it('abbreviates names when one task alone would pass the cap (a road stored before the bounds, 2,003 characters), and says so', () => {
    const list = [aTask({ roadName: '长'.repeat(2003) })];
    const out = renderTaskingMessages({ language: 'zh-CN', level: 'II', tasks: list, timeZone: SHANGHAI, segmentCap: 3, variant: { kind: 'backup', leaderName: '欧阳'.repeat(10) } });
    expect(out.messages).toHaveLength(1);
    expect(out.messages[0]!.segments).toBeLessThanOrEqual(3);
    expect(out.abbreviated).toBe(true);
    expect(out.messages[0]!.body).toContain('…');
    expect(out.messages[0]!.body).toContain(list[0]!.code);
  });

  it('keeps every tasking within any cap from 3 to 10, whatever the names and the signature, naming every task once in order (property)', () => {
    const name = fc.string({ unit: fc.constantFrom('长', 'a', '路', 'B', ' '), minLength: 1, maxLength: TEXT_LIMITS.roadName });
    const signature = fc.constantFrom(undefined, '焦作城管');
    fc.assert(fc.property(fc.integer({ min: 3, max: 10 }), fc.array(name, { minLength: 1, maxLength: 40 }), fc.constantFrom('zh-CN' as const, 'en' as const), signature, (cap, names, language, sig) => {
      const list = tasks(names.length, (i) => names[i]!);
      const out = renderTaskingMessages({ language, level: 'I', tasks: list, timeZone: SHANGHAI, segmentCap: cap, variant: { kind: 'resend' }, ...(sig ? { signature: sig } : {}) });
      for (const m of out.messages) {
        expect(m.segments).toBeLessThanOrEqual(cap);
        expect(smsSegments(m.body).segments).toBe(m.segments);
      }
      expect(out.messages.flatMap((m) => m.taskCodes)).toEqual(list.map((t) => t.code));
    }), { seed: 14, numRuns: 200 });
  });
});
