import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taskCode } from '../../../functions/core/activation/taskCode.ts';
import { ACTIVE_LEVELS } from '../../../functions/core/levels/ResponseLevel.ts';
import { renderTasking } from '../../../functions/core/messages/renderTasking.ts';
import { EQUIPMENT_CLASSES } from '../../../functions/core/registry/EquipmentClass.ts';
import type { Language } from '../../../functions/core/registry/Language.ts';
import { aTask } from '../../support/builders/task.ts';

const SHANGHAI = 'Asia/Shanghai';

const render = (language: Language, overrides: Parameters<typeof aTask>[0] = {}, level: (typeof ACTIVE_LEVELS)[number] = 'II') =>
  renderTasking({ language, level, tasks: [aTask(overrides)], timeZone: SHANGHAI });

// Arbitrary tasks with names as long as the longest in the demo city: road 14, vehicle label 6, depot 7 characters.
const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const hanziText = (maxLength: number) => fc.array(hanzi, { minLength: 1, maxLength }).map((cs) => cs.join(''));
const vehicleLabel = fc.array(fc.oneof(hanzi, fc.constantFrom(...'0123456789')), { minLength: 1, maxLength: 4 }).map((cs) => `豫H${cs.join('')}`);
const startBy = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const chineseTask = fc.record({
  roadName: hanziText(14),
  vehicleLabel,
  depot: hanziText(7),
  pass: fc.constantFrom(...EQUIPMENT_CLASSES),
  code: fc.integer({ min: 0, max: 998 }).map(taskCode),
  startBy,
});
const level = fc.constantFrom(...ACTIVE_LEVELS);

describe('renderTasking in Chinese (zh-CN)', () => {
  it.each([
    ['IV', 'Ⅳ级'],
    ['III', 'Ⅲ级'],
    ['II', 'Ⅱ级'],
    ['I', 'Ⅰ级'],
  ] as const)('names response level %s as %s', (lvl, label) => {
    expect(render('zh-CN', {}, lvl).body).toContain(`${label}响应`);
  });

  it('names the road with its pass', () => {
    expect(render('zh-CN', { roadName: '人民路(解放段)', pass: 'plough' }).body).toContain('人民路(解放段)铲雪');
  });

  it('names the vehicle', () => {
    expect(render('zh-CN', { vehicleLabel: '豫H铲001' }).body).toContain('豫H铲001');
  });

  it('names the depot to leave from', () => {
    expect(render('zh-CN', { depot: '解放区环卫车场' }).body).toContain('解放区环卫车场出发');
  });

  it('gives the start-by time in Shanghai local time', () => {
    expect(render('zh-CN', { startBy: '2026-12-14T22:30:00.000Z' }).body).toContain('06:30前开始');
  });

  it('writes a start just after local midnight as 00:05, not 24:05', () => {
    expect(render('zh-CN', { startBy: '2026-12-14T16:05:00.000Z' }).body).toContain('00:05前开始');
  });

  it('carries the task code', () => {
    expect(render('zh-CN', { code: 'T07' }).body).toContain('T07 ');
  });

  it('ends with the reply legend', () => {
    expect(render('zh-CN').body.endsWith('回复1确认/2到场/3完成/9无法执行')).toBe(true);
  });

  it('is sent as UCS-2 so Chinese is not replaced by question marks', () => {
    const sms = render('zh-CN');

    expect({ encoding: sms.encoding, hasQuestionMark: sms.body.includes('?') }).toEqual({ encoding: 'UCS-2', hasQuestionMark: false });
  });

  it('keeps any Chinese road, vehicle and depot name intact', () => {
    fc.assert(
      fc.property(chineseTask, level, (task, lvl) => {
        const { body } = render('zh-CN', task, lvl);

        expect(body).not.toContain('?');
        expect(body).toContain(task.roadName);
        expect(body).toContain(task.vehicleLabel);
        expect(body).toContain(task.depot);
      }),
    );
  });

  it('fits a single-task tasking in two concatenated UCS-2 segments (134 units)', () => {
    fc.assert(
      fc.property(chineseTask, level, (task, lvl) => {
        const sms = render('zh-CN', task, lvl);

        expect(sms.segments).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('renderTasking in English (en)', () => {
  const romanised = { roadName: 'Renmin Road (Jiefang)', vehicleLabel: 'HA-C001', depot: 'Jiefang Depot' };

  it.each(['IV', 'III', 'II', 'I'] as const)('names response level %s', (lvl) => {
    expect(render('en', romanised, lvl).body).toContain(`SNOW Level ${lvl}:`);
  });

  it('names the road with its pass', () => {
    expect(render('en', { ...romanised, pass: 'spreader' }).body).toContain('Renmin Road (Jiefang) spread de-icer');
  });

  it('names the vehicle', () => {
    expect(render('en', romanised).body).toContain('vehicle HA-C001');
  });

  it('names the depot to leave from', () => {
    expect(render('en', romanised).body).toContain('from Jiefang Depot');
  });

  it('gives the start-by time in Shanghai local time', () => {
    expect(render('en', { ...romanised, startBy: '2026-12-15T03:59:00.000Z' }).body).toContain('start by 11:59');
  });

  it('carries the task code', () => {
    expect(render('en', { ...romanised, code: 'T12' }).body).toContain('T12 Renmin Road');
  });

  it('ends with the reply legend', () => {
    expect(render('en', romanised).body.endsWith('Reply 1 ack/2 on site/3 done/9 cannot')).toBe(true);
  });

  it('is sent as GSM-7 within two 153-septet segments when every name is in the GSM alphabet', () => {
    const sms = render('en', { ...romanised, pass: 'spreader' }, 'III');

    expect({ encoding: sms.encoding, fits: sms.segments <= 2 }).toEqual({ encoding: 'GSM-7', fits: true });
  });

  it('keeps Chinese road names intact, sent as UCS-2', () => {
    const sms = render('en', { roadName: '人民路(解放段)' });

    expect({ encoding: sms.encoding, hasRoad: sms.body.includes('人民路(解放段)'), hasQuestionMark: sms.body.includes('?') }).toEqual({
      encoding: 'UCS-2',
      hasRoad: true,
      hasQuestionMark: false,
    });
  });

  it('fits a single-task tasking in two UCS-2 segments even with the longest names in the demo city', () => {
    const longest = { roadName: '山阳区居民小区道路(丰收片)', vehicleLabel: '豫H铲029', depot: '马村区环卫车场', pass: 'spreader', code: 'T123' } as const;

    expect(render('en', longest, 'III').segments).toBeLessThanOrEqual(2);
  });

  it('fits a single-task tasking with Chinese names in two concatenated UCS-2 segments', () => {
    fc.assert(
      fc.property(chineseTask, level, (task, lvl) => {
        expect(render('en', task, lvl).segments).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('renderTasking with several tasks', () => {
  it('lists the tasks in sequence order whatever order they are given in', () => {
    const tasks = [
      aTask({ code: 'T02', roadName: '解放路', sequence: 2 }),
      aTask({ code: 'T01', roadName: '人民路', sequence: 1 }),
    ];

    const { body } = renderTasking({ language: 'zh-CN', level: 'II', tasks, timeZone: SHANGHAI });

    expect(body).toContain('T01 人民路铲雪；T02 解放路铲雪');
  });

  it('refuses to render a tasking with no tasks', () => {
    expect(() => renderTasking({ language: 'zh-CN', level: 'II', tasks: [], timeZone: SHANGHAI })).toThrow(/at least one task/);
  });
});
