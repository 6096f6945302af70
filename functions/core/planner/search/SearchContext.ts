import type { PlanningModel } from '../PlanningModel.ts';
import { SearchState } from '../SearchState.ts';
import { vehicleNeighbours } from '../vehicleNeighbours.ts';
import { GROUP_NODE_WORK, MAX_GROUP_NODES, MAX_POLISH_NODES, NEIGHBOURS, POLISH_NODE_WORK } from './tuning.ts';
import type { WorkBudget } from './WorkBudget.ts';

/** What every operator of the search shares: the model, the current state, its random source and budget, and facts fixed for the run. */
export interface SearchContext {
  readonly model: PlanningModel;
  readonly state: SearchState;
  readonly random: () => number;
  readonly budget: WorkBudget;
  /** Hours of each task's fastest candidate (Infinity: no candidate). */
  readonly minHours: Float64Array;
  /** Each task's value per hour of its fastest candidate. */
  readonly density: Float64Array;
  /**
   * Each vehicle's candidate tasks, tier first, then most valuable per hour of the task's fastest
   * candidate: whether valuable work waits for a vehicle (work another depot does cheaper does not).
   */
  readonly byValue: Int32Array[];
  /**
   * The same tasks, most valuable per hour on this vehicle (its own travel) within a tier: what a
   * re-pack of it weighs and what joins a repair around it, so it is offered the work near it.
   */
  readonly nearValue: Int32Array[];
  /** Each vehicle's same-class vehicles with the nearest depots. */
  readonly neighbours: Int32Array[];
  /** Crews that may drive at least one vehicle. */
  readonly crewsWithOptions: number[];
  readonly tier1Weight: number;
  /** Branch-and-bound nodes per re-pack in the search and in polishing (less on big cities so moves stay cheap). */
  readonly groupNodes: number;
  readonly polishNodes: number;
}

export function createSearchContext(model: PlanningModel, random: () => number, budget: WorkBudget): SearchContext {
  const nT = model.tasks.length;
  const minHours = new Float64Array(nT).fill(Infinity);
  for (let j = 0; j < nT; j++) {
    for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) minHours[j] = Math.min(minHours[j]!, model.candHours[k]!);
  }
  const density = Float64Array.from(model.tasks, (t, j) => t.penalty / Math.max(minHours[j]!, 1e-6));
  // Tiers in a typed array: the sort compares numbers, not task objects.
  const tier = Uint8Array.from(model.tasks, (t) => t.tier);
  const byValue = model.vehicles.map((_, v) => model.vehTask.slice(model.vehStart[v]!, model.vehStart[v + 1]!)
    .sort((a, b) => tier[a]! - tier[b]! || density[b]! - density[a]! || a - b));
  const onV = new Float64Array(model.vehTask.length);
  for (let i = 0; i < onV.length; i++) onV[i] = model.tasks[model.vehTask[i]!]!.penalty / Math.max(model.candHours[model.vehCand[i]!]!, 1e-6);
  const nearValue = model.vehicles.map((_, v) => {
    const at = Int32Array.from({ length: model.vehStart[v + 1]! - model.vehStart[v]! }, (_, i) => model.vehStart[v]! + i)
      .sort((a, b) => tier[model.vehTask[a]!]! - tier[model.vehTask[b]!]! || onV[b]! - onV[a]! || model.vehTask[a]! - model.vehTask[b]!);
    return at.map((i) => model.vehTask[i]!);
  });
  return {
    model, state: new SearchState(model), random, budget, minHours, density, byValue, nearValue,
    neighbours: vehicleNeighbours(model, NEIGHBOURS),
    crewsWithOptions: model.crews.map((_, c) => c).filter((c) => model.pairsOfCrew[c]!.length > 0),
    tier1Weight: model.settings.weights.tier1PassableHour,
    groupNodes: Math.round(Math.min(MAX_GROUP_NODES, GROUP_NODE_WORK / Math.max(1, nT))),
    polishNodes: Math.round(Math.min(MAX_POLISH_NODES, POLISH_NODE_WORK / Math.max(1, nT))),
  };
}

/** Task j's candidate on vehicle v, or -1. */
export function candidateOn(model: PlanningModel, j: number, v: number): number {
  for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) if (model.candVehicle[k] === v) return k;
  return -1;
}

/** Vehicles that have a crew now. */
export function crewedVehicles(ctx: SearchContext): number[] {
  const out: number[] = [];
  for (let v = 0; v < ctx.model.vehicles.length; v++) if (ctx.state.pairOfVehicle[v]! >= 0) out.push(v);
  return out;
}

/** A random element of a non-empty list. */
export function pick<T>(ctx: SearchContext, items: ArrayLike<T>): T {
  return items[Math.floor(ctx.random() * items.length)]!;
}
