import { chainRoute, orderRoute, routeEndH } from './chainRoute.ts';
import { explainShortfall, shortfallIndex } from './explainShortfall.ts';
import type { PlanningModel } from './PlanningModel.ts';
import type { PlannedTask, Shortfall, Team } from './PlanTypes.ts';
import type { Solution } from './SearchState.ts';

const HOUR_MS = 3_600_000;

export interface ScheduleOptions {
  /**
   * Fit left-out tasks into the time that driven routes leave over the model's conservative
   * depot-round-trip estimate (default true). The bench turns it off to score the model's plan.
   */
  fill?: boolean;
}

/** Turns a solution into teams with ordered, timed tasks, and explains every pass left out. */
export function scheduleTeams(model: PlanningModel, solution: Solution, options: ScheduleOptions = {}): { teams: Team[]; shortfalls: Shortfall[]; filled: number } {
  const nV = model.vehicles.length;
  const routes: number[][] = Array.from({ length: nV }, () => []);
  model.tasks.forEach((_, j) => {
    const k = solution.taskCand[j]!;
    if (k >= 0) routes[model.candVehicle[k]!]!.push(j);
  });
  for (let v = 0; v < nV; v++) routes[v] = orderRoute(model, v, routes[v]!);

  let filled = 0;
  const left = model.tasks.map((_, j) => j).filter((j) => solution.taskCand[j]! < 0);
  const taskVehicle = new Int32Array(model.tasks.length).fill(-1);
  for (let v = 0; v < nV; v++) for (const j of routes[v]!) taskVehicle[j] = v;
  if (options.fill ?? true) {
    const ends = routes.map((r, v) => {
      const p = solution.pairOfVehicle[v]!;
      return p >= 0 ? routeEndH(model, v, model.pairs[p]!.fromH, r) : 0;
    });
    left.sort((a, b) => model.tasks[a]!.tier - model.tasks[b]!.tier || model.tasks[b]!.penalty - model.tasks[a]!.penalty || a - b);
    const trial: number[] = [];
    for (const j of left) {
      let bestV = -1;
      let bestAt = 0;
      let bestEnd = 0;
      for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) {
        const v = model.candVehicle[k]!;
        const p = solution.pairOfVehicle[v]!;
        if (p < 0) continue;
        const pair = model.pairs[p]!;
        // Keep the tier blocks: the pass goes after the last task of its tier or a higher one.
        const route = routes[v]!;
        let at = route.length;
        while (at > 0 && model.tasks[route[at - 1]!]!.tier > model.tasks[j]!.tier) at--;
        trial.length = 0;
        for (let i = 0; i < at; i++) trial.push(route[i]!);
        trial.push(j);
        for (let i = at; i < route.length; i++) trial.push(route[i]!);
        const end = routeEndH(model, v, pair.fromH, trial);
        if (end > pair.fromH + pair.hours + 1e-9) continue;
        if (bestV < 0 || end - ends[v]! < bestEnd - ends[bestV]!) { bestV = v; bestAt = at; bestEnd = end; }
      }
      if (bestV < 0) continue;
      routes[bestV]!.splice(bestAt, 0, j);
      ends[bestV] = bestEnd;
      taskVehicle[j] = bestV;
      filled++;
    }
  }

  const start = model.startAt.getTime();
  const iso = (h: number) => new Date(start + h * HOUR_MS).toISOString();
  const teams: Team[] = [];
  for (let v = 0; v < nV; v++) {
    const p = solution.pairOfVehicle[v]!;
    if (p < 0 || routes[v]!.length === 0) continue;
    const pair = model.pairs[p]!;
    const crew = model.crews[pair.crew]!;
    const mv = model.vehicles[v]!;
    const { stops } = chainRoute(model, v, pair.fromH, routes[v]!);
    const tasks: PlannedTask[] = stops.map((s, i) => {
      const t = model.tasks[s.task]!;
      return {
        roadId: t.road.id, roadName: t.road.name, zoneId: t.zoneId, tier: t.tier, pass: t.pass, laneKm: t.laneKm,
        sequence: i + 1, startBy: iso(s.startH), passableAt: iso(s.endH), travelKm: Math.round(s.travelKm * 100) / 100,
        ...(t.targetH !== undefined ? { targetAt: iso(t.targetH) } : {}),
      };
    });
    teams.push({
      crewId: crew.crew.id, vehicleId: mv.vehicle.id, vehicleLabel: mv.vehicle.label, vehicleClass: mv.vehicle.class, depot: mv.vehicle.depot,
      lent: tasks.some((t) => t.zoneId !== crew.zoneId), tasks, availableUntil: iso(pair.fromH + pair.hours),
    });
  }
  const index = shortfallIndex(model);
  const shortfalls: Shortfall[] = model.tasks.flatMap((t, j) => taskVehicle[j]! >= 0 ? [] : [{
    roadId: t.road.id, roadName: t.road.name, zoneId: t.zoneId, tier: t.tier, pass: t.pass, laneKm: t.laneKm,
    ...explainShortfall(model, solution, j, index),
  }]);
  return { teams, shortfalls, filled };
}
