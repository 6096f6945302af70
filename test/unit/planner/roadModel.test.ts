import { describe, expect, it } from 'vitest';
import { planRoutes } from '../../../functions/core/planner/planRoutes.ts';
import type { PlannerInput } from '../../../functions/core/planner/PlannerInput.ts';
import type { Road } from '../../../functions/core/registry/Road.ts';
import { PLAN } from '../../support/plannerArbitraries.ts';

const JIEFANG = { id: 'jiefang', name: '解放区', responsibleUnit: '解放区环卫所', latitude: 35.24, longitude: 113.227, providers: ['open-meteo'] };
const R001: Road = {
  id: 'R001', name: '人民路', zoneId: 'jiefang', tier: 1, laneKm: 6.4, latitude: 35.2358, longitude: 113.2165, passes: ['spreader', 'plough', 'loader'], agentAllowed: true,
  passesByLevel: { IV: ['spreader'] }, targetHoursByLevel: { IV: 2, I: 6 },
};
const input = (level: 'IV' | 'I'): PlannerInput => ({
  plan: PLAN, zones: [JIEFANG], roads: [R001], zoneLevels: { jiefang: level }, startAt: new Date('2026-12-14T00:30:00Z'),
  crews: [{ id: 'C1', name: '一班', zoneId: 'jiefang', depot: '解放区环卫车场', size: 4, certified: ['spreader', 'plough'], leader: { name: '王', phone: '+8613900391001', language: 'zh-CN' }, backup: { name: '李', phone: '+8613900392001', language: 'zh-CN' } }],
  vehicles: [{ id: 'V1', label: '豫H撒003', class: 'spreader', zoneId: 'jiefang', depot: '解放区环卫车场', status: 'ready', workRateLaneKmPerH: 18, chlorideAgent: true }],
});

describe('the road model in planning', () => {
  it('plans only the passes the road needs at the level', () => {
    const plan = planRoutes(input('IV'));
    expect(plan.teams.flatMap((t) => t.tasks.map((x) => x.pass))).toEqual(['spreader']);
    expect(plan.shortfalls).toEqual([]);
  });

  it('uses the usual passes at a level without its own list, reporting what it cannot cover', () => {
    const plan = planRoutes(input('I'));
    expect(plan.teams.flatMap((t) => t.tasks.map((x) => x.pass))).toEqual(['spreader']);
    expect(plan.shortfalls.map((s) => s.pass).sort()).toEqual(['loader', 'plough']);
  });

  it('carries the time target for the level onto the task', () => {
    const [task] = planRoutes(input('IV')).teams[0]!.tasks;
    expect(task!.targetAt).toBe('2026-12-14T02:30:00.000Z');
  });

  it('drives a line road from its first vertex: travel to a far start takes longer', () => {
    const near = planRoutes(input('IV')).teams[0]!.tasks[0]!;
    const lined = input('IV');
    lined.roads = [{ ...R001, line: [[35.30, 113.30], [35.2358, 113.2165]] }];
    const far = planRoutes(lined).teams[0]!.tasks[0]!;
    expect(far.travelKm).toBeGreaterThan(near.travelKm + 5);
    expect(Date.parse(far.startBy)).toBeGreaterThan(Date.parse(near.startBy));
  });
});
