import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planGreedy } from '../../../functions/core/planner/planGreedy.ts';
import type { AssignmentPlan } from '../../../functions/core/planner/PlanTypes.ts';
import type { PlannerInput } from '../../../functions/core/planner/PlannerInput.ts';
import { RESPONSE_LEVELS } from '../../../functions/core/levels/ResponseLevel.ts';
import type { Crew } from '../../../functions/core/registry/Crew.ts';
import { EQUIPMENT_CLASSES } from '../../../functions/core/registry/EquipmentClass.ts';
import type { Road } from '../../../functions/core/registry/Road.ts';
import { VEHICLE_STATUSES, type Vehicle } from '../../../functions/core/registry/Vehicle.ts';
import { JIEFANG, SHANYANG, aCrew, aPlan, aRoad, aVehicle } from '../../support/builders/registry.ts';

const START = new Date('2026-12-14T22:00:00.000Z');

function plan(input: Partial<PlannerInput> & Pick<PlannerInput, 'roads' | 'crews' | 'vehicles'>): AssignmentPlan {
  return planGreedy({
    plan: aPlan(),
    zones: [JIEFANG, SHANYANG],
    zoneLevels: { [JIEFANG.id]: 'I', [SHANYANG.id]: 'I' },
    startAt: START,
    ...input,
  });
}

const roadIdsOf = (p: AssignmentPlan) => p.teams.flatMap((t) => t.tasks.map((task) => task.roadId));

describe('planGreedy', () => {
  describe('priority', () => {
    it('works tier 1 roads before tier 2 roads', () => {
      const roads = [aRoad({ id: 'R001', tier: 2 }), aRoad({ id: 'R002', tier: 1 })];

      const result = plan({ roads, crews: [aCrew({ id: 'C1' })], vehicles: [aVehicle({ id: 'V1' })] });

      expect(roadIdsOf(result)).toEqual(['R002', 'R001']);
    });

    it('gives the only shift to the tier 1 road and leaves the tier 2 road short', () => {
      // Each road takes 0.8 h of an hour-long shift.
      const roads = [aRoad({ id: 'R001', tier: 2, laneKm: 8 }), aRoad({ id: 'R002', tier: 1, laneKm: 8 })];

      const result = plan({ plan: aPlan({ shiftHours: 1 }), roads, crews: [aCrew({ id: 'C1' })], vehicles: [aVehicle({ id: 'V1' })] });

      expect({ assigned: roadIdsOf(result), short: result.shortfalls.map((s) => s.roadId) }).toEqual({ assigned: ['R002'], short: ['R001'] });
    });
  });

  describe('vehicles', () => {
    it.each(['maintenance', 'out-of-service', 'assigned'] as const)('never uses a vehicle that is %s', (status) => {
      const vehicles = [aVehicle({ id: 'V1', status }), aVehicle({ id: 'V2' })];

      const result = plan({ roads: [aRoad({ id: 'R001' })], crews: [aCrew({ id: 'C1' }), aCrew({ id: 'C2' })], vehicles });

      expect(result.teams.map((t) => t.vehicleId)).toEqual(['V2']);
    });

    it('leaves the road short when its only vehicle is in maintenance', () => {
      const result = plan({ roads: [aRoad({ id: 'R001' })], crews: [aCrew({ id: 'C1' })], vehicles: [aVehicle({ id: 'V1', status: 'maintenance' })] });

      expect({ teams: result.teams, short: result.shortfalls.map((s) => s.roadId) }).toEqual({ teams: [], short: ['R001'] });
    });
  });

  describe('certification', () => {
    it('does not give a crew a vehicle class it is not certified for', () => {
      const crews = [aCrew({ id: 'C1', certified: ['sweeper'] })];

      const result = plan({ roads: [aRoad({ id: 'R001', passes: ['plough'] })], crews, vehicles: [aVehicle({ id: 'V1', class: 'plough' })] });

      expect(result.teams).toEqual([]);
    });

    it('gives the vehicle to the crew that is certified for it', () => {
      const crews = [aCrew({ id: 'C1', certified: ['sweeper'] }), aCrew({ id: 'C2', certified: ['plough'] })];

      const result = plan({ roads: [aRoad({ id: 'R001', passes: ['plough'] })], crews, vehicles: [aVehicle({ id: 'V1', class: 'plough' })] });

      expect(result.teams.map((t) => t.crewId)).toEqual(['C2']);
    });
  });

  describe('de-icing agent', () => {
    const spreaderCrews = [aCrew({ id: 'C1', certified: ['spreader'] }), aCrew({ id: 'C2', certified: ['spreader'] })];

    it('never sends a chloride spreader to an agent-free road', () => {
      const vehicles = [aVehicle({ id: 'V1', class: 'spreader', chlorideAgent: true }), aVehicle({ id: 'V2', class: 'spreader', chlorideAgent: false })];
      const road = aRoad({ id: 'R001', passes: ['spreader'], agentAllowed: false });

      const result = plan({ roads: [road], crews: spreaderCrews, vehicles });

      expect(result.teams.map((t) => t.vehicleId)).toEqual(['V2']);
    });

    it('leaves an agent-free road short rather than use the only, chloride, spreader', () => {
      const road = aRoad({ id: 'R001', passes: ['spreader'], agentAllowed: false });

      const result = plan({ roads: [road], crews: spreaderCrews, vehicles: [aVehicle({ id: 'V1', class: 'spreader', chlorideAgent: true })] });

      expect({ teams: result.teams, short: result.shortfalls.map((s) => s.roadId) }).toEqual({ teams: [], short: ['R001'] });
    });

    it('still sends a chloride spreader to a road where agent is allowed', () => {
      const road = aRoad({ id: 'R001', passes: ['spreader'], agentAllowed: true });

      const result = plan({ roads: [road], crews: spreaderCrews, vehicles: [aVehicle({ id: 'V1', class: 'spreader', chlorideAgent: true })] });

      expect(result.teams.map((t) => t.vehicleId)).toEqual(['V1']);
    });
  });

  describe('shortfalls', () => {
    it('describes the road pass that was left out', () => {
      const road = aRoad({ id: 'R001', name: '人民路', zoneId: SHANYANG.id, tier: 1, laneKm: 5.6, passes: ['loader'] });

      const [shortfall] = plan({ roads: [road], crews: [], vehicles: [] }).shortfalls;

      expect(shortfall).toMatchObject({ roadId: 'R001', roadName: '人民路', zoneId: SHANYANG.id, tier: 1, pass: 'loader', laneKm: 5.6 });
    });

    it('names the class and the zone when no vehicle of the class is ready', () => {
      const road = aRoad({ id: 'R001', zoneId: SHANYANG.id, passes: ['loader'] });

      const [shortfall] = plan({ roads: [road], crews: [], vehicles: [] }).shortfalls;

      expect(shortfall?.reason).toContain('loader');
      expect(shortfall?.reason).toContain('山阳区');
    });

    it('counts the vehicles of the class that are in maintenance and out of service in the zone', () => {
      const vehicles = [aVehicle({ id: 'V1', status: 'maintenance' }), aVehicle({ id: 'V2', status: 'out-of-service' })];

      const [shortfall] = plan({ roads: [aRoad({ id: 'R001' })], crews: [aCrew({ id: 'C1' })], vehicles }).shortfalls;

      expect(shortfall?.reason).toContain('1 in maintenance');
      expect(shortfall?.reason).toContain('1 out of service');
    });

    it('names the class and the zone when every team of the class has a full shift', () => {
      const roads = [aRoad({ id: 'R001', laneKm: 8 }), aRoad({ id: 'R002', laneKm: 8 })];

      const result = plan({ plan: aPlan({ shiftHours: 1 }), roads, crews: [aCrew({ id: 'C1' })], vehicles: [aVehicle({ id: 'V1' })] });

      expect(result.shortfalls[0]?.reason).toContain('plough');
      expect(result.shortfalls[0]?.reason).toContain('解放区');
    });

    it('names the class and the zone when an agent-free road has no chloride-free spreader', () => {
      const road = aRoad({ id: 'R001', passes: ['spreader'], agentAllowed: false });
      const crews = [aCrew({ id: 'C1', certified: ['spreader'] })];

      const result = plan({ roads: [road], crews, vehicles: [aVehicle({ id: 'V1', class: 'spreader', chlorideAgent: true })] });

      expect(result.shortfalls[0]?.reason).toContain('spreader');
      expect(result.shortfalls[0]?.reason).toContain('解放区');
    });
  });

  describe('busy crews and vehicles', () => {
    it('does not use a crew that is busy elsewhere', () => {
      const crews = [aCrew({ id: 'C1' }), aCrew({ id: 'C2' })];

      const result = plan({ roads: [aRoad({ id: 'R001' })], crews, vehicles: [aVehicle({ id: 'V1' })], busyCrewIds: new Set(['C1']) });

      expect(result.teams.map((t) => t.crewId)).toEqual(['C2']);
    });

    it('does not use a vehicle that is busy elsewhere', () => {
      const vehicles = [aVehicle({ id: 'V1' }), aVehicle({ id: 'V2' })];

      const result = plan({ roads: [aRoad({ id: 'R001' })], crews: [aCrew({ id: 'C1' })], vehicles, busyVehicleIds: new Set(['V1']) });

      expect(result.teams.map((t) => t.vehicleId)).toEqual(['V2']);
    });

    it('leaves the road short when its only crew is busy', () => {
      const result = plan({ roads: [aRoad({ id: 'R001' })], crews: [aCrew({ id: 'C1' })], vehicles: [aVehicle({ id: 'V1' })], busyCrewIds: new Set(['C1']) });

      expect({ teams: result.teams, short: result.shortfalls.map((s) => s.roadId) }).toEqual({ teams: [], short: ['R001'] });
    });
  });

  describe('properties', () => {
    const zoneId = fc.constantFrom(JIEFANG.id, SHANYANG.id);
    const classes = (minLength: number) => fc.uniqueArray(fc.constantFrom(...EQUIPMENT_CLASSES), { minLength, maxLength: 3 });
    const near = (centre: number) => fc.double({ min: centre - 0.05, max: centre + 0.05, noNaN: true });

    const crews = fc.uniqueArray(fc.nat(20), { maxLength: 8 }).chain((ids) =>
      fc.tuple(...ids.map((n) => fc.record({ zoneId, certified: classes(1) }).map(({ zoneId, certified }): Crew => aCrew({ id: `C${n}`, zoneId, certified })))),
    );
    const vehicles = fc.uniqueArray(fc.nat(30), { maxLength: 10 }).chain((ids) =>
      fc.tuple(
        ...ids.map((n) =>
          fc
            .record({
              class: fc.constantFrom(...EQUIPMENT_CLASSES),
              zoneId,
              status: fc.constantFrom(...VEHICLE_STATUSES),
              workRateLaneKmPerH: fc.integer({ min: 2, max: 20 }),
              chlorideAgent: fc.boolean(),
            })
            .map((v): Vehicle => aVehicle({ id: `V${n}`, ...v })),
        ),
      ),
    );
    const roads = fc.uniqueArray(fc.nat(50), { maxLength: 12 }).chain((ids) =>
      fc.tuple(
        ...ids.map((n) =>
          fc
            .record({
              zoneId,
              tier: fc.constantFrom(1 as const, 2 as const, 3 as const),
              laneKm: fc.integer({ min: 1, max: 80 }).map((k) => k / 10),
              latitude: near(35.23),
              longitude: near(113.24),
              passes: classes(1),
              agentAllowed: fc.boolean(),
            })
            .map((r): Road => aRoad({ id: `R${n}`, ...r })),
        ),
      ),
    );
    const level = fc.constantFrom(...RESPONSE_LEVELS);
    const plannerInput = fc
      .record({ crews, vehicles, roads, jiefangLevel: level, shanyangLevel: level, shiftHours: fc.integer({ min: 1, max: 12 }) })
      .chain((r) =>
        fc.record({
          busyCrewIds: fc.subarray(r.crews.map((c) => c.id)).map((ids) => new Set(ids)),
          busyVehicleIds: fc.subarray(r.vehicles.map((v) => v.id)).map((ids) => new Set(ids)),
        }).map(({ busyCrewIds, busyVehicleIds }): PlannerInput => ({
          plan: aPlan({ shiftHours: r.shiftHours }),
          zones: [JIEFANG, SHANYANG],
          roads: r.roads,
          crews: r.crews,
          vehicles: r.vehicles,
          zoneLevels: { [JIEFANG.id]: r.jiefangLevel, [SHANYANG.id]: r.shanyangLevel },
          startAt: START,
          busyCrewIds,
          busyVehicleIds,
        })),
      );

    it('never puts a crew or a vehicle in two teams', () => {
      fc.assert(
        fc.property(plannerInput, (input) => {
          const { teams } = planGreedy(input);

          const crewIds = teams.map((t) => t.crewId);
          const vehicleIds = teams.map((t) => t.vehicleId);
          expect(new Set(crewIds).size).toBe(crewIds.length);
          expect(new Set(vehicleIds).size).toBe(vehicleIds.length);
        }),
      );
    });

    it('only pairs free crews with free, ready vehicles they are certified for', () => {
      fc.assert(
        fc.property(plannerInput, (input) => {
          const { teams } = planGreedy(input);

          for (const team of teams) {
            const crew = input.crews.find((c) => c.id === team.crewId);
            const vehicle = input.vehicles.find((v) => v.id === team.vehicleId);
            expect(crew?.certified).toContain(vehicle?.class);
            expect(vehicle?.status).toBe('ready');
            expect(input.busyCrewIds?.has(team.crewId)).toBe(false);
            expect(input.busyVehicleIds?.has(team.vehicleId)).toBe(false);
          }
        }),
      );
    });

    it('accounts for every road pass in scope exactly once, as a task or a shortfall', () => {
      fc.assert(
        fc.property(plannerInput, (input) => {
          const result = planGreedy(input);

          const inScope = input.roads
            .filter((r) => {
              const lvl = input.zoneLevels[r.zoneId] ?? 'none';
              return lvl !== 'none' && input.plan.tiersByLevel[lvl].includes(r.tier);
            })
            .flatMap((r) => r.passes.map((p) => `${r.id}#${p}`));
          const accounted = [
            ...result.teams.flatMap((t) => t.tasks.map((task) => `${task.roadId}#${task.pass}`)),
            ...result.shortfalls.map((s) => `${s.roadId}#${s.pass}`),
          ];
          expect(accounted.sort()).toEqual(inScope.sort());
        }),
      );
    });

    it('never tasks a chloride spreader on an agent-free road', () => {
      fc.assert(
        fc.property(plannerInput, (input) => {
          const { teams } = planGreedy(input);

          for (const team of teams) {
            const chloride = input.vehicles.find((v) => v.id === team.vehicleId)?.chlorideAgent === true;
            for (const task of team.tasks) {
              const road = input.roads.find((r) => r.id === task.roadId);
              expect(chloride && task.pass === 'spreader' && road?.agentAllowed === false).toBe(false);
            }
          }
        }),
      );
    });
  });
});
