import { describe, expect, it } from 'vitest';
import { buildPlanningModel } from '../../../../functions/core/planner/buildPlanningModel.ts';
import type { PlannerInput } from '../../../../functions/core/planner/PlannerInput.ts';
import { seededRandom } from '../../../../functions/core/planner/random.ts';
import { createSearchContext } from '../../../../functions/core/planner/search/SearchContext.ts';
import { staffingPass } from '../../../../functions/core/planner/search/staffing.ts';
import { WorkBudget } from '../../../../functions/core/planner/search/WorkBudget.ts';
import type { Crew } from '../../../../functions/core/registry/Crew.ts';
import type { EquipmentClass } from '../../../../functions/core/registry/EquipmentClass.ts';
import type { Road } from '../../../../functions/core/registry/Road.ts';
import type { Vehicle } from '../../../../functions/core/registry/Vehicle.ts';
import { PLAN } from '../../../support/plannerArbitraries.ts';

const SHANYANG = { id: 'shanyang', name: '山阳区', responsibleUnit: '山阳区环卫所', latitude: 35.214, longitude: 113.262, providers: ['open-meteo'] };
const road = (id: string, tier: 1 | 2 | 3, pass: EquipmentClass): Road => ({
  id, name: `路${id}`, zoneId: 'shanyang', tier, laneKm: 3, latitude: 35.215, longitude: 113.26, passes: [pass], agentAllowed: true,
});
const vehicle = (id: string, cls: EquipmentClass): Vehicle => ({
  id, label: `豫H${id}`, class: cls, zoneId: 'shanyang', depot: '山阳区车场', status: 'ready', workRateLaneKmPerH: 6, chlorideAgent: false,
});
const crew = (id: string, certified: EquipmentClass[]): Crew => ({
  id, name: `山阳${id}班`, zoneId: 'shanyang', depot: '山阳区车场', size: 4, certified,
  leader: { name: '赵国庆', phone: '+8613900391004', language: 'zh-CN' }, backup: { name: '黄保国', phone: '+8613900392004', language: 'zh-CN' },
});

/** A loader crew on a plough, a plough-only crew idle, a loader with tier-1 work and no crew. */
function loaderCrewOnAPlough() {
  const input: PlannerInput = {
    plan: PLAN, zones: [SHANYANG], zoneLevels: { shanyang: 'I' }, startAt: new Date('2026-12-14T00:30:00Z'),
    roads: [road('R1', 1, 'loader'), road('R2', 3, 'plough')],
    vehicles: [vehicle('L1', 'loader'), vehicle('P1', 'plough')],
    crews: [crew('X', ['loader', 'plough']), crew('Y', ['plough'])],
  };
  const model = buildPlanningModel(input);
  const ctx = createSearchContext(model, seededRandom(1), new WorkBudget(1e6));
  const vehicleOf = (id: string) => model.vehicles.findIndex((mv) => mv.vehicle.id === id);
  const crewOf = (id: string) => model.crews.findIndex((mc) => mc.crew.id === id);
  const pair = (c: string, v: string) => model.pairs.findIndex((p) => p.crew === crewOf(c) && p.vehicle === vehicleOf(v));
  ctx.state.setPair(vehicleOf('P1'), pair('X', 'P1'));
  return { model, ctx, vehicleOf, crewOf };
}

describe('staffing an idle vehicle through a chain of crews', () => {
  it('moves the only crew certified for a loader onto it and hands its plough to an idle crew', () => {
    const { model, ctx, vehicleOf, crewOf } = loaderCrewOnAPlough();

    staffingPass(ctx, ctx.budget.mark(1));

    expect(ctx.state.vehicleOfCrew[crewOf('X')]).toBe(vehicleOf('L1'));
    expect(ctx.state.vehicleOfCrew[crewOf('Y')]).toBe(vehicleOf('P1'));
    const loaderTask = model.tasks.findIndex((t) => t.road.id === 'R1');
    expect(ctx.state.taskCand[loaderTask]).toBeGreaterThanOrEqual(0);
  });

  it('leaves the crews where they are when the budget is already spent', () => {
    const { ctx, vehicleOf, crewOf } = loaderCrewOnAPlough();

    staffingPass(ctx, ctx.budget.spent);

    expect(ctx.state.vehicleOfCrew[crewOf('X')]).toBe(vehicleOf('P1'));
    expect(ctx.state.pairOfVehicle[vehicleOf('L1')]).toBe(-1);
  });
});
