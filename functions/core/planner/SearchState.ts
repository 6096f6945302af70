import type { PlanningModel } from './PlanningModel.ts';

const EPS = 1e-9;

/** A plan as the search sees it: which crew drives which vehicle, which candidate serves each task. */
export interface Solution {
  /** Pair index per vehicle, -1 when the vehicle stays in the depot. */
  pairOfVehicle: Int32Array;
  /** Candidate index per task, -1 when the task is left out. */
  taskCand: Int32Array;
}

/** The objective's parts, for reports and the bench. */
export interface ObjectiveParts {
  objective: number;
  /** Unassigned lane-km by tier (index 0 = tier 1). */
  unassignedLaneKm: [number, number, number];
  /** Hours after the start until every assigned tier-1 pass is done (model times). */
  tier1PassableH: number;
  deadheadKm: number;
  lentTasks: number;
}

/**
 * A solution with the sums the search needs kept up to date (vehicle loads, tier-1 loads, objective
 * parts), and an undo journal so a rejected move costs no copy.
 */
export class SearchState {
  readonly m: PlanningModel;
  readonly pairOfVehicle: Int32Array;
  readonly vehicleOfCrew: Int32Array;
  readonly cap: Float64Array;
  readonly fromH: Float64Array;
  readonly load: Float64Array;
  readonly load1: Float64Array;
  readonly taskCand: Int32Array;
  readonly tasksOf: number[][];
  private readonly pos: Int32Array;
  penaltySum = 0;
  costSum = 0;
  unassigned1 = 0;
  private journal: number[] = [];
  private journaling = false;
  /** tier1H() kept up to date while it can only grow; recounted when its latest team may have finished earlier. */
  private tier1End = 0;
  private tier1Stale = false;

  constructor(model: PlanningModel) {
    this.m = model;
    const nV = model.vehicles.length;
    this.pairOfVehicle = new Int32Array(nV).fill(-1);
    this.vehicleOfCrew = new Int32Array(model.crews.length).fill(-1);
    this.cap = new Float64Array(nV);
    this.fromH = new Float64Array(nV);
    this.load = new Float64Array(nV);
    this.load1 = new Float64Array(nV);
    this.taskCand = new Int32Array(model.tasks.length).fill(-1);
    this.pos = new Int32Array(model.tasks.length).fill(-1);
    this.tasksOf = Array.from({ length: nV }, () => []);
    for (const t of model.tasks) {
      this.penaltySum += t.penalty;
      if (t.tier === 1) this.unassigned1 += t.laneKm;
    }
  }

  /** Starts recording changes so that `rollback` can undo them. */
  begin(): void {
    this.journal = [];
    this.journaling = true;
  }

  /** Keeps the changes since `begin`. */
  commit(): void {
    this.journal = [];
    this.journaling = false;
  }

  /** Undoes every change since `begin`. */
  rollback(): void {
    this.journaling = false;
    const j = this.journal;
    for (let i = j.length - 3; i >= 0; i -= 3) {
      if (j[i] === 0) this.setCand(j[i + 1]!, j[i + 2]!);
      else this.setPair(j[i + 1]!, j[i + 2]!);
    }
    this.journal = [];
  }

  /** Whether task j fits on its candidate k now. */
  fits(k: number): boolean {
    const v = this.m.candVehicle[k]!;
    return this.pairOfVehicle[v]! >= 0 && this.load[v]! + this.m.candHours[k]! <= this.cap[v]! + EPS;
  }

  /** Gives task j to candidate k (or leaves it out with k = -1). */
  setCand(j: number, k: number): void {
    const prev = this.taskCand[j]!;
    if (prev === k) return;
    if (this.journaling) this.journal.push(0, j, prev);
    const m = this.m;
    const task = m.tasks[j]!;
    if (prev >= 0) {
      const v = m.candVehicle[prev]!;
      const end = this.endOf(v);
      this.load[v] = this.load[v]! - m.candHours[prev]!;
      if (task.tier === 1) { this.load1[v] = this.load1[v]! - m.candHours[prev]!; this.moved(end, v); }
      this.costSum -= m.candCost[prev]!;
      const list = this.tasksOf[v]!;
      const at = this.pos[j]!;
      const last = list.pop()!;
      if (last !== j) { list[at] = last; this.pos[last] = at; }
      this.pos[j] = -1;
    } else {
      this.penaltySum -= task.penalty;
      if (task.tier === 1) this.unassigned1 -= task.laneKm;
    }
    if (k >= 0) {
      const v = m.candVehicle[k]!;
      const end = this.endOf(v);
      this.load[v] = this.load[v]! + m.candHours[k]!;
      if (task.tier === 1) { this.load1[v] = this.load1[v]! + m.candHours[k]!; this.moved(end, v); }
      this.costSum += m.candCost[k]!;
      this.pos[j] = this.tasksOf[v]!.length;
      this.tasksOf[v]!.push(j);
    } else {
      this.penaltySum += task.penalty;
      if (task.tier === 1) this.unassigned1 += task.laneKm;
    }
    this.taskCand[j] = k;
  }

  /** Puts pair p's crew on vehicle v (p = -1 parks the vehicle). The caller keeps loads within the new capacity. */
  setPair(v: number, p: number): void {
    const prev = this.pairOfVehicle[v]!;
    if (prev === p) return;
    if (this.journaling) this.journal.push(1, v, prev);
    const end = this.endOf(v);
    if (prev >= 0) this.vehicleOfCrew[this.m.pairs[prev]!.crew] = -1;
    this.pairOfVehicle[v] = p;
    if (p >= 0) {
      const pair = this.m.pairs[p]!;
      this.vehicleOfCrew[pair.crew] = v;
      this.cap[v] = pair.hours;
      this.fromH[v] = pair.fromH;
    } else {
      this.cap[v] = 0;
      this.fromH[v] = 0;
    }
    this.moved(end, v);
  }

  /** When vehicle v finishes its tier-1 work (0: it has none). */
  private endOf(v: number): number {
    return this.load1[v]! > EPS ? this.fromH[v]! + this.load1[v]! : 0;
  }

  /** Keeps tier1End true after vehicle v's tier-1 end moved from `before`. */
  private moved(before: number, v: number): void {
    if (this.tier1Stale) return;
    const after = this.endOf(v);
    if (after >= this.tier1End) this.tier1End = after;
    else if (before >= this.tier1End) this.tier1Stale = true;
  }

  /** Hours after the start when the last tier-1 pass is done. */
  tier1H(): number {
    if (!this.tier1Stale) return this.tier1End;
    let t = 0;
    for (let v = 0; v < this.load1.length; v++) {
      if (this.load1[v]! > EPS) t = Math.max(t, this.fromH[v]! + this.load1[v]!);
    }
    this.tier1End = t;
    this.tier1Stale = false;
    return t;
  }

  objective(): number {
    return this.penaltySum + this.costSum + this.m.settings.weights.tier1PassableHour * this.tier1H();
  }

  /** True when this state ranks before (U1, objective): less tier-1 left out, then a lower objective. */
  beats(u1: number, objective: number, own = this.objective()): boolean {
    if (this.unassigned1 < u1 - 1e-7) return true;
    if (this.unassigned1 > u1 + 1e-7) return false;
    return own < objective - 1e-9;
  }

  snapshot(): Solution {
    return { pairOfVehicle: this.pairOfVehicle.slice(), taskCand: this.taskCand.slice() };
  }

  /** Replaces the whole state with a solution. */
  restore(solution: Solution): void {
    for (let j = 0; j < this.taskCand.length; j++) this.setCand(j, -1);
    for (let v = 0; v < this.pairOfVehicle.length; v++) this.setPair(v, -1);
    for (let v = 0; v < this.pairOfVehicle.length; v++) this.setPair(v, solution.pairOfVehicle[v]!);
    for (let j = 0; j < this.taskCand.length; j++) this.setCand(j, solution.taskCand[j]!);
  }
}

/** The objective's parts of a solution, computed from scratch (the bench's and the tests' referee). */
export function evaluateSolution(model: PlanningModel, solution: Solution): ObjectiveParts & { feasible: boolean; problems: string[] } {
  const problems: string[] = [];
  const nV = model.vehicles.length;
  const load = new Float64Array(nV);
  const load1 = new Float64Array(nV);
  const crewUsed = new Set<number>();
  for (let v = 0; v < nV; v++) {
    const p = solution.pairOfVehicle[v]!;
    if (p < 0) continue;
    const pair = model.pairs[p]!;
    if (pair.vehicle !== v) problems.push(`vehicle ${v} has pair ${p} of vehicle ${pair.vehicle}`);
    if (crewUsed.has(pair.crew)) problems.push(`crew ${pair.crew} drives two vehicles`);
    crewUsed.add(pair.crew);
  }
  const unassigned: [number, number, number] = [0, 0, 0];
  let penalty = 0;
  let cost = 0;
  let km = 0;
  let lent = 0;
  model.tasks.forEach((t, j) => {
    const k = solution.taskCand[j]!;
    if (k < 0) {
      unassigned[t.tier - 1] = unassigned[t.tier - 1]! + t.laneKm;
      penalty += t.penalty;
      return;
    }
    if (k < model.candStart[j]! || k >= model.candStart[j + 1]!) problems.push(`task ${j} has candidate ${k} of another task`);
    const v = model.candVehicle[k]!;
    if (solution.pairOfVehicle[v]! < 0) problems.push(`task ${j} is on vehicle ${v}, which has no crew`);
    load[v] = load[v]! + model.candHours[k]!;
    if (t.tier === 1) load1[v] = load1[v]! + model.candHours[k]!;
    cost += model.candCost[k]!;
    km += model.candKm[k]!;
    lent += model.candLent[k]!;
  });
  let t1 = 0;
  for (let v = 0; v < nV; v++) {
    const p = solution.pairOfVehicle[v]!;
    const pair = p >= 0 ? model.pairs[p]! : undefined;
    if (load[v]! > (pair?.hours ?? 0) + 1e-6) problems.push(`vehicle ${v} is loaded ${load[v]!.toFixed(3)} h over ${(pair?.hours ?? 0).toFixed(3)} h`);
    if (load1[v]! > EPS && pair) t1 = Math.max(t1, pair.fromH + load1[v]!);
  }
  const objective = penalty + cost + model.settings.weights.tier1PassableHour * t1;
  return { objective, unassignedLaneKm: unassigned, tier1PassableH: t1, deadheadKm: km, lentTasks: lent, feasible: problems.length === 0, problems };
}
