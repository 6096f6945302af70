import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crewAvailability } from '../../../functions/core/planner/crewAvailability.ts';
import { planGreedy } from '../../../functions/core/planner/planGreedy.ts';
import { planRoutes } from '../../../functions/core/planner/planRoutes.ts';
import { passesAt } from '../../../functions/core/planner/roadGeometry.ts';
import { roadsInScope } from '../../../functions/core/planner/roadsInScope.ts';
import type { AssignmentPlan } from '../../../functions/core/planner/PlanTypes.ts';
import type { PlannerInput } from '../../../functions/core/planner/PlannerInput.ts';
import { plannerInputArb } from '../../support/plannerArbitraries.ts';

// A small work budget: the properties are about constraints, which hold from the first solution on.
const plan = (input: PlannerInput) => planRoutes(input, { work: 50_000, seed: 7 });
const runs = { numRuns: 60 };

function passesInScope(input: PlannerInput): string[] {
  return roadsInScope(input.plan, input.roads, input.zoneLevels).flatMap((r) => passesAt(r, input.zoneLevels[r.zoneId] ?? 'none').map((p) => `${r.id}#${p}`));
}

function tier1Covered(input: PlannerInput, result: AssignmentPlan): number {
  return result.teams.flatMap((t) => t.tasks).filter((t) => t.tier === 1).reduce((s, t) => s + t.laneKm, 0);
}

describe('planRoutes on random cities', () => {
  it('never puts a crew or a vehicle in two teams', () => {
    fc.assert(fc.property(plannerInputArb, (input) => {
      const { teams } = plan(input);
      expect(new Set(teams.map((t) => t.crewId)).size).toBe(teams.length);
      expect(new Set(teams.map((t) => t.vehicleId)).size).toBe(teams.length);
    }), runs);
  });

  it('pairs every crew with a ready, free vehicle it is certified for, of the class of every pass it does', () => {
    fc.assert(fc.property(plannerInputArb, (input) => {
      for (const team of plan(input).teams) {
        const crew = input.crews.find((c) => c.id === team.crewId)!;
        const vehicle = input.vehicles.find((v) => v.id === team.vehicleId)!;
        expect(crew.certified).toContain(vehicle.class);
        expect(vehicle.status).toBe('ready');
        expect(input.busyCrewIds?.has(crew.id)).toBe(false);
        expect(input.busyVehicleIds?.has(vehicle.id)).toBe(false);
        for (const task of team.tasks) expect(task.pass).toBe(vehicle.class);
      }
    }), runs);
  });

  it('never sends a chloride spreader to an agent-free road', () => {
    fc.assert(fc.property(plannerInputArb, (input) => {
      for (const team of plan(input).teams) {
        const vehicle = input.vehicles.find((v) => v.id === team.vehicleId)!;
        for (const task of team.tasks) {
          const road = input.roads.find((r) => r.id === task.roadId)!;
          if (task.pass === 'spreader' && !road.agentAllowed) expect(vehicle.chlorideAgent).toBe(false);
        }
      }
    }), runs);
  });

  it('gives each team one task at a time, in order, within its crew\'s working time', () => {
    fc.assert(fc.property(plannerInputArb, (input) => {
      for (const team of plan(input).teams) {
        const crew = input.crews.find((c) => c.id === team.crewId)!;
        const availability = crewAvailability(crew, input.startAt, input.plan.shiftHours, input.plan.timeZone, 12);
        expect(availability.available).toBe(true);
        const until = input.startAt.getTime() + (availability.available ? availability.toH : 0) * 3_600_000;
        team.tasks.forEach((task, i) => {
          expect(task.sequence).toBe(i + 1);
          expect(Date.parse(task.passableAt)).toBeGreaterThanOrEqual(Date.parse(task.startBy));
          if (i > 0) expect(Date.parse(task.startBy)).toBeGreaterThanOrEqual(Date.parse(team.tasks[i - 1]!.passableAt));
          expect(Date.parse(task.passableAt)).toBeLessThanOrEqual(until + 1);
        });
      }
    }), runs);
  });

  it('either tasks or reports short every road pass in scope, exactly once, each shortfall with a reason', () => {
    fc.assert(fc.property(plannerInputArb, (input) => {
      const result = plan(input);
      const tasked = result.teams.flatMap((t) => t.tasks.map((x) => `${x.roadId}#${x.pass}`));
      const short = result.shortfalls.map((s) => `${s.roadId}#${s.pass}`);
      expect([...tasked, ...short].sort()).toEqual(passesInScope(input).sort());
      for (const s of result.shortfalls) expect(s.reason.length).toBeGreaterThan(10);
    }), runs);
  });

  it('covers at least as many tier-1 lane-km as the greedy baseline', () => {
    fc.assert(fc.property(plannerInputArb, (input) => {
      const ours = planRoutes(input, { work: 50_000, seed: 7, fill: false });
      const greedy = planGreedy(input);
      expect(tier1Covered(input, ours)).toBeGreaterThanOrEqual(tier1Covered(input, greedy) - 1e-9);
    }), runs);
  });
});
