import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../bench/planner/generateCity.ts';
import { crewAvailability } from '../../../functions/core/planner/crewAvailability.ts';
import { planRoutes } from '../../../functions/core/planner/planRoutes.ts';
import type { PlannerInput } from '../../../functions/core/planner/PlannerInput.ts';
import { plannerInputArb } from '../../support/plannerArbitraries.ts';

const HOUR_MS = 3_600_000;
const WORK = 200_000;
const medium = generateCity('medium');
const kept = planRoutes(medium, { work: WORK });

describe('the planner starting from a given plan (the plan kept ready, repaired)', () => {
  it('keeps every team of its own plan when nothing changed, and ends no worse', () => {
    const again = planRoutes(medium, { work: WORK, start: kept.teams });
    expect(again.stats!.kept!.teams).toBe(kept.teams.length);
    expect(again.stats!.unassignedLaneKm[0]).toBeLessThanOrEqual(kept.stats!.unassignedLaneKm[0] + 1e-9);
    expect(again.stats!.objective).toBeLessThanOrEqual(kept.stats!.objective + 1e-6);
  });

  it('leaves out the team whose vehicle went to maintenance and the team whose crew left the registry', () => {
    const [byVehicle, byCrew] = kept.teams;
    const input: PlannerInput = {
      ...medium,
      vehicles: medium.vehicles.map((v) => (v.id === byVehicle!.vehicleId ? { ...v, status: 'maintenance' as const } : v)),
      crews: medium.crews.filter((c) => c.id !== byCrew!.crewId),
    };
    const repaired = planRoutes(input, { work: WORK, start: kept.teams });
    expect(repaired.stats!.kept!.teams).toBe(kept.teams.length - 2);
    expect(repaired.teams.some((t) => t.vehicleId === byVehicle!.vehicleId || t.crewId === byCrew!.crewId)).toBe(false);
  });

  it('takes a starting plan naming crews, vehicles and roads the registry no longer has as nothing kept', () => {
    const strangers = [{ crewId: 'gone-crew', vehicleId: 'gone-vehicle', tasks: [{ roadId: 'gone-road', pass: 'plough' as const }] }];
    const planned = planRoutes(medium, { work: WORK, start: strangers });
    expect(planned.stats!.kept).toEqual({ teams: 0, tasks: 0 });
    expect(planned.teams.length).toBeGreaterThan(0);
  });

  it('gives the same plan for the same seed, input and starting plan', () => {
    const input: PlannerInput = { ...medium, startAt: new Date(medium.startAt.getTime() + HOUR_MS) };
    const first = planRoutes(input, { seed: 5, work: WORK, start: kept.teams });
    const second = planRoutes(input, { seed: 5, work: WORK, start: kept.teams });
    expect([...second.solution.taskCand]).toEqual([...first.solution.taskCand]);
    expect([...second.solution.pairOfVehicle]).toEqual([...first.solution.pairOfVehicle]);
    expect(second.teams).toEqual(first.teams);
  });

  it('covers tier 1 no worse than a plan from nothing with three times the work, after a tenth of the vehicles went', () => {
    const input: PlannerInput = {
      ...medium, startAt: new Date(medium.startAt.getTime() + HOUR_MS / 2),
      vehicles: medium.vehicles.map((v, i) => (i % 10 === 0 ? { ...v, status: 'maintenance' as const } : v)),
    };
    const fromNothing = planRoutes(input, { work: 3 * WORK });
    const repaired = planRoutes(input, { work: WORK, start: kept.teams });
    expect(repaired.stats!.unassignedLaneKm[0]).toBeLessThanOrEqual(fromNothing.stats!.unassignedLaneKm[0] + 1e-9);
  });

  it('fits a plan made for an earlier start into each crew\'s working time now, with no crew, vehicle or pass twice', () => {
    fc.assert(fc.property(plannerInputArb, fc.integer({ min: 1, max: 6 }), (input, laterH) => {
      const earlier = planRoutes(input, { work: 50_000, seed: 7 });
      const now: PlannerInput = { ...input, startAt: new Date(input.startAt.getTime() + laterH * HOUR_MS) };
      const { teams } = planRoutes(now, { work: 50_000, seed: 7, start: earlier.teams });
      expect(new Set(teams.map((t) => t.crewId)).size).toBe(teams.length);
      expect(new Set(teams.map((t) => t.vehicleId)).size).toBe(teams.length);
      const passes = teams.flatMap((t) => t.tasks.map((x) => `${x.roadId}#${x.pass}`));
      expect(new Set(passes).size).toBe(passes.length);
      for (const team of teams) {
        const crew = input.crews.find((c) => c.id === team.crewId)!;
        const availability = crewAvailability(crew, now.startAt, input.plan.shiftHours, input.plan.timeZone, 12);
        expect(availability.available).toBe(true);
        const until = now.startAt.getTime() + (availability.available ? availability.toH : 0) * HOUR_MS;
        for (const task of team.tasks) expect(Date.parse(task.passableAt)).toBeLessThanOrEqual(until + 1);
      }
    }), { numRuns: 25 });
  });
});
