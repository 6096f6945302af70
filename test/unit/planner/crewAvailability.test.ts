import { describe, expect, it } from 'vitest';
import { crewAvailability } from '../../../functions/core/planner/crewAvailability.ts';
import type { Crew } from '../../../functions/core/registry/Crew.ts';

const crew = (over: Partial<Crew> = {}): Crew => ({
  id: 'C1', name: '一班', zoneId: 'jiefang', depot: 'd', size: 4, certified: ['plough'],
  leader: { name: '王', phone: '+8613900391001', language: 'zh-CN' }, backup: { name: '李', phone: '+8613900392001', language: 'zh-CN' }, ...over,
});
// 2026-12-14T00:30Z is 08:30 in Shanghai.
const START = new Date('2026-12-14T00:30:00Z');

describe('crewAvailability', () => {
  it('gives an on-call crew the whole horizon', () => {
    expect(crewAvailability(crew(), START, 8, 'Asia/Shanghai', 12)).toEqual({ available: true, fromH: 0, toH: 8 });
  });

  it('ends work at the end of a day shift', () => {
    expect(crewAvailability(crew({ shift: { start: '07:00', end: '12:00' } }), START, 8, 'Asia/Shanghai', 12)).toEqual({ available: true, fromH: 0, toH: 3.5 });
  });

  it('starts a night crew when its shift begins, if that is inside the horizon', () => {
    const a = crewAvailability(crew({ shift: { start: '15:00', end: '03:00' } }), START, 8, 'Asia/Shanghai', 12);
    expect(a).toEqual({ available: true, fromH: 6.5, toH: 8 });
  });

  it('keeps a crew off when its shift starts after the horizon', () => {
    const a = crewAvailability(crew({ shift: { start: '20:00', end: '06:00' } }), START, 8, 'Asia/Shanghai', 12);
    expect(a).toEqual({ available: false, reason: 'off shift until 20:00' });
  });

  it('applies the rest rule to hours already worked', () => {
    expect(crewAvailability(crew({ hoursWorked: 9 }), START, 8, 'Asia/Shanghai', 12)).toEqual({ available: true, fromH: 0, toH: 3 });
    expect(crewAvailability(crew({ hoursWorked: 12 }), START, 8, 'Asia/Shanghai', 12)).toEqual({ available: false, reason: 'resting (12 h worked, 12 h allowed)' });
  });
});
