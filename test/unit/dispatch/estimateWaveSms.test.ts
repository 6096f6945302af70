import { describe, expect, it } from 'vitest';
import { taskCode } from '../../../functions/core/activation/taskCode.ts';
import { estimateWaveSms } from '../../../functions/core/dispatch/estimateWaveSms.ts';
import { renderTaskingMessages } from '../../../functions/core/messages/renderTaskingMessages.ts';
import { aCrew, aPlan } from '../../support/builders/registry.ts';
import { aTask } from '../../support/builders/task.ts';

const plan = aPlan({ smsSegmentCap: 3 });
const crews = [aCrew({ id: 'C01' }), aCrew({ id: 'C02', leader: { name: 'Ann Lee', phone: '+15555550100', language: 'en' } })];
const task = (crewId: string, i: number, roadName = `人民路${i}`) => aTask({ id: `t${i}`, code: taskCode(i), crewId, sequence: i, roadName, state: 'planned' });

describe('a wave\'s tasking SMS and their time at the stage\'s pace (issue 16 item 6)', () => {
  it('counts one tasking per crew, in its leader\'s language, as dispatch renders it', () => {
    const tasks = [task('C01', 0), task('C01', 1), task('C02', 2, 'Main Street')];
    const wave = estimateWaveSms(tasks, { level: 'II', plan, crews, pace: { partsPerSecond: 1 } });
    const zh = renderTaskingMessages({ language: 'zh-CN', level: 'II', tasks: tasks.slice(0, 2), timeZone: plan.timeZone, segmentCap: 3, variant: { kind: 'first' } });
    const en = renderTaskingMessages({ language: 'en', level: 'II', tasks: tasks.slice(2), timeZone: plan.timeZone, segmentCap: 3, variant: { kind: 'first' } });
    const parts = [...zh.messages, ...en.messages].reduce((n, m) => n + m.segments, 0);
    expect(wave).toEqual({ messages: 2, parts, partsPerSecond: 1, origination: null, seconds: parts });
  });

  it('counts every message of a tasking split over the segment cap', () => {
    const tasks = Array.from({ length: 30 }, (_, i) => task('C01', i, `${'长'.repeat(40)}${i}`));
    const wave = estimateWaveSms(tasks, { level: 'I', plan, crews, pace: { partsPerSecond: 100 } });
    expect(wave.messages).toBeGreaterThan(1);
    expect(wave.parts).toBeGreaterThan(wave.messages);
    expect(wave.parts).toBeLessThanOrEqual(wave.messages * 3);
  });

  it('takes the parts divided by the pace, rounded up, and names the origination identity', () => {
    const tasks = Array.from({ length: 12 }, (_, i) => task(i % 2 === 0 ? 'C01' : 'C02', i));
    const slow = estimateWaveSms(tasks, { level: 'II', plan, crews, pace: { partsPerSecond: 1, origination: 'long-code' } });
    const fast = estimateWaveSms(tasks, { level: 'II', plan, crews, pace: { partsPerSecond: 100, origination: 'short-code' } });
    expect(slow).toMatchObject({ origination: 'long-code', seconds: slow.parts });
    expect(fast).toMatchObject({ origination: 'short-code', parts: slow.parts, seconds: Math.ceil(slow.parts / 100) });
  });

  it('counts the stage\'s signature in each message\'s parts', () => {
    const tasks = Array.from({ length: 6 }, (_, i) => task('C01', i, `${'长'.repeat(12)}${i}`));
    const bare = estimateWaveSms(tasks, { level: 'II', plan: aPlan({ smsSegmentCap: 10 }), crews, pace: { partsPerSecond: 1 } });
    const signed = estimateWaveSms(tasks, { level: 'II', plan: aPlan({ smsSegmentCap: 10 }), crews, pace: { partsPerSecond: 1, signature: '焦作市城市管理局扫雪办公室' } });
    expect(signed.parts).toBeGreaterThanOrEqual(bare.parts);
    const expected = renderTaskingMessages({ language: 'zh-CN', level: 'II', tasks, timeZone: plan.timeZone, segmentCap: 10, variant: { kind: 'first' }, signature: '焦作市城市管理局扫雪办公室' });
    expect(signed.parts).toBe(expected.messages.reduce((n, m) => n + m.segments, 0));
  });
});
