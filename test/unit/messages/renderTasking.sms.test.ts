import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { renderDutyNotice } from '../../../functions/core/messages/renderDutyNotice.ts';
import { renderTasking } from '../../../functions/core/messages/renderTasking.ts';
import { SMS_TEMPLATES } from '../../../functions/core/messages/templates.ts';
import type { Task } from '../../../functions/core/operations/Task.ts';

function task(over: Partial<Task> = {}): Task {
  return {
    id: 'a-T07', code: 'T07', activationId: 'a', roadId: 'R1', roadName: '人民路(解放段)', zoneId: 'jiefang', tier: 1, pass: 'plough', laneKm: 4,
    crewId: 'C01', vehicleId: 'V1', vehicleLabel: '豫H铲001', depot: '解放区环卫车场', sequence: 0, startBy: '2026-12-14T00:33:00Z',
    passableAt: '2026-12-14T02:00:00Z', state: 'planned', wave: 1, updatedAt: '2026-12-14T00:00:00Z', ...over,
  };
}

describe('renderTasking', () => {
  it('fits a typical single-task Chinese tasking in 2 UCS-2 segments, as sms-segments-calculator counts them', () => {
    const sms = renderTasking({ language: 'zh-CN', level: 'II', tasks: [task()], timeZone: 'Asia/Shanghai' });
    const ref = new SegmentedMessage(sms.body);
    expect(sms.encoding).toBe('UCS-2');
    expect(sms.segments).toBe(ref.segmentsCount);
    expect(sms.segments).toBeLessThanOrEqual(2);
  });

  it('fits a typical single-task English tasking in 2 GSM-7 segments', () => {
    const sms = renderTasking({ language: 'en', level: 'III', tasks: [task({ roadName: 'Main Street (north)', vehicleLabel: 'PL-001', depot: 'North depot' })], timeZone: 'America/Chicago' });
    const ref = new SegmentedMessage(sms.body);
    expect(sms.encoding).toBe('GSM-7');
    expect(ref.getEncodingName()).toBe('GSM-7');
    expect(sms.segments).toBe(ref.segmentsCount);
    expect(sms.segments).toBeLessThanOrEqual(2);
  });

  it('carries level, road, vehicle, depot, local start-by, task code and the reply legend, with no "?" for Chinese', () => {
    const sms = renderTasking({ language: 'zh-CN', level: 'II', tasks: [task()], timeZone: 'Asia/Shanghai' });
    for (const part of ['Ⅱ级', '人民路(解放段)', '豫H铲001', '解放区环卫车场', '08:33', 'T07', '回复1确认/2到场/3完成/9无法执行']) expect(sms.body).toContain(part);
    expect(sms.body).not.toContain('?');
  });

  it('lists a crew\'s tasks in their order in one SMS', () => {
    const sms = renderTasking({ language: 'zh-CN', level: 'I', tasks: [task({ code: 'T09', roadName: '塔南路', sequence: 2 }), task({ code: 'T08', roadName: '解放路', sequence: 1 })], timeZone: 'Asia/Shanghai' });
    expect(sms.body.indexOf('T08 解放路')).toBeLessThan(sms.body.indexOf('T09 塔南路'));
  });

  it('marks a resend and a hand-over to the backup leader', () => {
    expect(renderTasking({ language: 'zh-CN', level: 'II', tasks: [task()], timeZone: 'Asia/Shanghai', variant: { kind: 'resend' } }).body.startsWith('重发：')).toBe(true);
    expect(renderTasking({ language: 'en', level: 'II', tasks: [task()], timeZone: 'Asia/Shanghai', variant: { kind: 'backup', leaderName: 'Wang' } }).body).toContain('Wang did not confirm');
  });
});

describe('templates as data', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const flatten = (o: object, prefix = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v as object, `${prefix}${k}.`)));

  it('gives every language the same entries with the same placeholders', () => {
    const [first, ...others] = Object.values(SMS_TEMPLATES).map((t) => new Map(flatten(t)));
    for (const other of others) {
      expect([...other.keys()].sort()).toEqual([...first!.keys()].sort());
      for (const [key, text] of first!) expect(placeholders(other.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('renders a duty officer\'s shortfall notice listing at most five roads', () => {
    const sms = renderDutyNotice('zh-CN', { kind: 'shortfall', level: 'I', roads: ['甲路', '乙路', '丙路', '丁路', '戊路', '己路'] });
    expect(sms.body).toContain('缺口6处');
    expect(sms.body).toContain('戊路');
    expect(sms.body).not.toContain('己路');
  });
});
