import { describe, expect, it } from 'vitest';
import { planRoutes } from '../../../functions/core/planner/planRoutes.ts';
import type { PlannerInput } from '../../../functions/core/planner/PlannerInput.ts';
import type { Crew } from '../../../functions/core/registry/Crew.ts';
import type { Road } from '../../../functions/core/registry/Road.ts';
import type { Vehicle } from '../../../functions/core/registry/Vehicle.ts';
import { PLAN } from '../../support/plannerArbitraries.ts';

const SHANYANG = { id: 'shanyang', name: '山阳区', responsibleUnit: '山阳区环卫所', latitude: 35.214, longitude: 113.262, providers: ['open-meteo'] };
const road = (over: Partial<Road> = {}): Road => ({ id: 'R1', name: '丰收路', zoneId: 'shanyang', tier: 1, laneKm: 4, latitude: 35.215, longitude: 113.26, passes: ['spreader'], agentAllowed: true, ...over });
const spreader = (id: string, status: Vehicle['status'], over: Partial<Vehicle> = {}): Vehicle => ({ id, label: `豫H${id}`, class: 'spreader', zoneId: 'shanyang', depot: '山阳区车场', status, workRateLaneKmPerH: 18, chlorideAgent: false, ...over });
const crew = (over: Partial<Crew> = {}): Crew => ({
  id: 'C1', name: '山阳一班', zoneId: 'shanyang', depot: '山阳区车场', size: 4, certified: ['spreader'],
  leader: { name: '赵国庆', phone: '+8613900391004', language: 'zh-CN' }, backup: { name: '黄保国', phone: '+8613900392004', language: 'zh-CN' }, ...over,
});
const input = (over: Partial<PlannerInput>): PlannerInput => ({
  plan: PLAN, zones: [SHANYANG], roads: [road()], crews: [crew()], vehicles: [], zoneLevels: { shanyang: 'I' }, startAt: new Date('2026-12-14T00:30:00Z'), ...over,
});

describe('shortfall reasons', () => {
  it('name the zone and count the spreaders in maintenance when none is ready', () => {
    const plan = planRoutes(input({ vehicles: [spreader('V1', 'maintenance'), spreader('V2', 'maintenance')] }));
    expect(plan.shortfalls.map((s) => s.reason)).toEqual(['no ready spreader in 山阳区; 2 in maintenance']);
  });

  it('carry the reason as a code with its figures beside the sentence', () => {
    const plan = planRoutes(input({ vehicles: [spreader('V1', 'maintenance'), spreader('V2', 'maintenance')] }));
    expect(plan.shortfalls[0]!.reasonCode).toEqual({ code: 'no-ready-vehicle', params: { pass: 'spreader', zone: '山阳区', maintenance: 2, outOfService: 0, booked: 0 } });
  });

  it('say so when the only ready spreader carries chloride and the road is agent-free', () => {
    const plan = planRoutes(input({ roads: [road({ agentAllowed: false })], vehicles: [spreader('V1', 'ready', { chlorideAgent: true })] }));
    expect(plan.shortfalls[0]!.reason).toBe('road in 山阳区 is agent-free and no ready chloride-free spreader exists');
  });

  it('blame the crews when a ready spreader has no certified free crew', () => {
    const plan = planRoutes(input({ crews: [crew({ certified: ['plough'] })], vehicles: [spreader('V1', 'ready')] }));
    expect(plan.shortfalls[0]!.reason).toBe('no free crew certified for spreader in 山阳区 (1 ready)');
  });

  it('count booked spreaders as booked', () => {
    const plan = planRoutes(input({ vehicles: [spreader('V1', 'ready')], busyVehicleIds: new Set(['V1']) }));
    expect(plan.shortfalls[0]!.reason).toBe('no ready spreader in 山阳区; 1 booked');
  });

  it('say the shift is full when teams exist but have no time left', () => {
    const roads = Array.from({ length: 30 }, (_, i) => road({ id: `R${i}`, name: `路${i}`, laneKm: 9 }));
    const plan = planRoutes(input({ roads, vehicles: [spreader('V1', 'ready')] }));
    expect(plan.shortfalls.length).toBeGreaterThan(0);
    expect(plan.shortfalls[0]!.reason).toMatch(/^every spreader team that can reach it in 山阳区 is fully booked within its shift/);
  });
});
