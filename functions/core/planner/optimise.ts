import { demandPairing } from './demandPairing.ts';
import { greedyAssign } from './greedyAssign.ts';
import { knapsack } from './knapsack.ts';
import { binPack } from './binPack.ts';
import type { PlanningModel } from './PlanningModel.ts';
import { seededRandom } from './random.ts';
import { SearchState, type Solution } from './SearchState.ts';

export interface OptimiseOptions {
  /** Seed of the search's random choices; the same seed and input give the same plan. */
  seed?: number;
  /** Stop after this many search iterations (default: scaled to the instance). */
  maxIterations?: number;
  /** Stop after this many milliseconds from `startedAt` (default 1200). */
  timeLimitMs?: number;
  /** performance.now() when planning began (model building counts against the limit). */
  startedAt?: number;
}

export interface OptimiseResult {
  solution: Solution;
  iterations: number;
  /** Which start the search kept: its own construction or the greedy baseline's plan. */
  start: 'construction' | 'greedy';
}

const EPS = 1e-9;
/** Ejection looks at this many of a task's cheapest crewed candidates. */
const MAX_EJECTION_TRIES = 8;
/** Unassigned tasks a re-pack considers besides the vehicle's own. */
const REPACK_EXTRA = 24;
/** Iterations between polishing passes. */
const POLISH_EVERY = 4000;

/**
 * Large neighbourhood search over team formation and task assignment: start from the better of a
 * demand-driven construction and the greedy baseline, then repeatedly remove related tasks (or
 * re-pair a crew) and re-insert by value with ejection of less valuable work, accepting by
 * simulated annealing and keeping the best plan ranked by tier-1 coverage, then the objective.
 */
export function optimise(model: PlanningModel, options: OptimiseOptions = {}): OptimiseResult {
  const startedAt = options.startedAt ?? performance.now();
  const deadline = startedAt + (options.timeLimitMs ?? 1200);
  // The search stops a little early: the last part of the time goes to the final polish of the best plan.
  const searchUntil = startedAt + 0.88 * (deadline - startedAt);
  const nT = model.tasks.length;
  const nV = model.vehicles.length;
  const maxIterations = options.maxIterations ?? Math.min(400_000, 4000 + 60 * nT);
  const random = seededRandom(options.seed ?? 1);
  // Branch-and-bound effort per group re-pack, less on big cities so that iterations stay cheap.
  const GROUP_NODES = Math.round(Math.min(8_000, 4e6 / Math.max(1, nT)));
  const POLISH_NODES = Math.round(Math.min(300_000, 2e8 / Math.max(1, nT)));
  const wT = model.settings.weights.tier1PassableHour;

  const minHours = new Float64Array(nT).fill(Infinity);
  for (let j = 0; j < nT; j++) {
    for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) minHours[j] = Math.min(minHours[j]!, model.candHours[k]!);
  }
  const densities = Float64Array.from(model.tasks, (t, j) => t.penalty / Math.max(minHours[j]!, 1e-6));
  const density = (j: number) => densities[j]!;
  // Each vehicle's candidate tasks, most valuable first, so related work is found without a full scan.
  const byValue: Int32Array[] = model.vehicles.map((_, v) => model.vehTask.slice(model.vehStart[v]!, model.vehStart[v + 1]!)
    .sort((a, b) => model.tasks[a]!.tier - model.tasks[b]!.tier || densities[b]! - densities[a]! || a - b));

  // Vehicles of the same class, nearest depot first: the "related" neighbours of a route.
  const neighbours: number[][] = model.vehicles.map((a, v) => model.vehicles
    .map((b, w) => ({ w, d: (a.depot.lat - b.depot.lat) ** 2 + (a.depot.lon - b.depot.lon) ** 2 }))
    .filter(({ w }) => w !== v && model.vehicles[w]!.vehicle.class === a.vehicle.class)
    .sort((x, y) => x.d - y.d).slice(0, 6).map(({ w }) => w));

  const state = new SearchState(model);
  let curT1 = 0;

  /** Inserts tasks in order where each adds least to the objective; with `eject`, lets valuable ones push out less valuable work. */
  const insertAll = (queue: number[], eject: boolean) => {
    curT1 = state.tier1H();
    const ejectable = new Set<number>(queue);
    for (let qi = 0; qi < queue.length; qi++) {
      const j = queue[qi]!;
      if (state.taskCand[j]! >= 0) continue;
      const task = model.tasks[j]!;
      let best = -1;
      let bestDelta = 0;
      for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) {
        if (!state.fits(k)) continue;
        const v = model.candVehicle[k]!;
        let delta = model.candCost[k]! - task.penalty;
        if (task.tier === 1) delta += wT * Math.max(0, state.fromH[v]! + state.load1[v]! + model.candHours[k]! - curT1);
        if (delta < bestDelta - EPS) { bestDelta = delta; best = k; }
      }
      if (best < 0 && eject && ejectable.has(j)) best = ejectFor(j, queue);
      if (best < 0) continue;
      state.setCand(j, best);
      if (task.tier === 1) {
        const v = model.candVehicle[best]!;
        curT1 = Math.max(curT1, state.fromH[v]! + state.load1[v]!);
      }
    }
  };

  /** Frees room for task j on its best candidate by removing lower-value tasks; they join the queue. Returns the candidate or -1. */
  const ejectFor = (j: number, queue: number[]): number => {
    const task = model.tasks[j]!;
    const dj = density(j);
    let bestK = -1;
    let bestGain = 0;
    let bestRemove: number[] = [];
    let tried = 0;
    for (let k = model.candStart[j]!; k < model.candStart[j + 1]! && tried < MAX_EJECTION_TRIES; k++) {
      const v = model.candVehicle[k]!;
      if (state.pairOfVehicle[v]! < 0 || model.candHours[k]! > state.cap[v]! + EPS) continue;
      tried++;
      const need = state.load[v]! + model.candHours[k]! - state.cap[v]!;
      const victims = state.tasksOf[v]!.filter((i) => model.tasks[i]!.tier > task.tier || (model.tasks[i]!.tier === task.tier && density(i) < dj))
        .sort((a, b) => density(a) - density(b));
      let freed = 0;
      let lost = 0;
      const remove: number[] = [];
      for (const i of victims) {
        if (freed >= need - EPS) break;
        const ki = state.taskCand[i]!;
        freed += model.candHours[ki]!;
        lost += model.tasks[i]!.penalty - model.candCost[ki]!;
        remove.push(i);
      }
      if (freed < need - EPS) continue;
      const gain = task.penalty - model.candCost[k]! - lost;
      if (gain > bestGain + EPS) { bestGain = gain; bestK = k; bestRemove = remove; }
    }
    if (bestK < 0) return -1;
    for (const i of bestRemove) { state.setCand(i, -1); queue.push(i); }
    return bestK;
  };

  /** Orders a pool for insertion: tier first, then value per hour, with some noise. */
  const order = (pool: number[], noise: number) => {
    const key = new Map<number, number>();
    for (const j of pool) key.set(j, model.tasks[j]!.tier * 1e15 - density(j) * (1 + noise * random()));
    return pool.sort((a, b) => key.get(a)! - key.get(b)!);
  };

  /** The most valuable unassigned tasks that vehicles in `touched` could take (up to `perVehicle` each). */
  const relatedUnassigned = (touched: Iterable<number>, perVehicle: number, into: Set<number>) => {
    for (const v of touched) {
      const list = byValue[v]!;
      let taken = 0;
      for (let i = 0; i < list.length && taken < perVehicle; i++) {
        const j = list[i]!;
        if (state.taskCand[j]! >= 0 || into.has(j)) continue;
        into.add(j);
        taken++;
      }
    }
  };

  const removeTask = (j: number, pool: Set<number>, touched: Set<number>) => {
    const k = state.taskCand[j]!;
    if (k < 0) return;
    touched.add(model.candVehicle[k]!);
    state.setCand(j, -1);
    pool.add(j);
  };

  /** Keeps a vehicle within its (new) hours by dropping its least valuable tasks. */
  const trim = (v: number, pool: Set<number>) => {
    if (state.load[v]! <= state.cap[v]! + EPS) return;
    const list = [...state.tasksOf[v]!].sort((a, b) => model.tasks[b]!.tier - model.tasks[a]!.tier || density(a) - density(b));
    for (const j of list) {
      if (state.load[v]! <= state.cap[v]! + EPS) break;
      state.setCand(j, -1);
      pool.add(j);
    }
  };

  /**
   * Re-packs one vehicle exactly: its tasks and the most valuable unassigned tasks it could take,
   * best subset by knapsack. Tasks it drops become unassigned (other vehicles may take them later).
   */
  const repack = (v: number, pool: Set<number>, touched: Set<number>) => {
    if (state.pairOfVehicle[v]! < 0) return;
    const items: number[] = [];
    const cands: number[] = [];
    const candOf = (j: number) => {
      for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) if (model.candVehicle[k] === v) return k;
      return -1;
    };
    for (const j of state.tasksOf[v]!) { items.push(j); cands.push(state.taskCand[j]!); }
    const list = byValue[v]!;
    for (let i = 0, extra = 0; i < list.length && extra < REPACK_EXTRA; i++) {
      const j = list[i]!;
      if (state.taskCand[j]! >= 0) continue;
      const k = candOf(j);
      if (k < 0) continue;
      items.push(j); cands.push(k); extra++;
    }
    const chosen = knapsack(items.map((j, i) => model.tasks[j]!.penalty - model.candCost[cands[i]!]!), cands.map((k) => model.candHours[k]!), state.cap[v]!);
    const keep = new Set(chosen);
    touched.add(v);
    items.forEach((j, i) => { if (!keep.has(i) && state.taskCand[j]! >= 0) { state.setCand(j, -1); pool.add(j); } });
    for (const i of chosen) state.setCand(items[i]!, cands[i]!);
  };

  /** Re-packs a few crewed vehicles together (their tasks and valuable unassigned ones) by branch and bound. */
  const repackGroup = (group: number[], pool: Set<number>, touched: Set<number>, nodes = GROUP_NODES) => {
    const vs = [...new Set(group)].filter((v) => state.pairOfVehicle[v]! >= 0);
    if (vs.length < 2) return;
    const tasks: number[] = vs.flatMap((v) => state.tasksOf[v]!);
    const seen = new Set(tasks);
    for (const v of vs) {
      const list = byValue[v]!;
      for (let i = 0, extra = 0; i < list.length && extra < REPACK_EXTRA / vs.length; i++) {
        const j = list[i]!;
        if (state.taskCand[j]! >= 0 || seen.has(j)) continue;
        seen.add(j); tasks.push(j); extra++;
      }
    }
    const cand = tasks.map((j) => vs.map((v) => {
      for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) if (model.candVehicle[k] === v) return k;
      return -1;
    }));
    // One value per item keeps the bound simple: the cheapest bin's cost is the one counted.
    const items = tasks.map((j, i) => ({
      value: model.tasks[j]!.penalty - Math.min(...cand[i]!.map((k) => (k >= 0 ? model.candCost[k]! : Infinity))),
      hours: cand[i]!.map((k) => (k >= 0 ? model.candHours[k]! : Infinity)),
    }));
    const start = tasks.map((j) => {
      const k = state.taskCand[j]!;
      return k < 0 ? -1 : vs.indexOf(model.candVehicle[k]!);
    });
    const bins = binPack(items, vs.map((v) => state.cap[v]!), nodes, start);
    for (const v of vs) touched.add(v);
    for (const j of tasks) if (state.taskCand[j]! >= 0) state.setCand(j, -1);
    tasks.forEach((j, i) => {
      if (bins[i]! >= 0) state.setCand(j, cand[i]![bins[i]!]!);
      else pool.add(j);
    });
  };
  const repackPair = (a: number, b: number, pool: Set<number>, touched: Set<number>) => repackGroup([a, b], pool, touched);

  // --- Starts: the demand-driven construction, and the greedy baseline.
  for (let round = 0; round < 3; round++) {
    demandPairing(model, state, minHours);
    const pool = [...Array(nT).keys()].filter((j) => state.taskCand[j]! < 0 && Number.isFinite(minHours[j]!));
    insertAll(order(pool, 0), true);
  }
  let start: OptimiseResult['start'] = 'construction';
  const greedy = greedyAssign(model);
  if (greedy.beats(state.unassigned1, state.objective())) {
    state.restore(greedy.snapshot());
    start = 'greedy';
  }

  let best = state.snapshot();
  let bestU1 = state.unassigned1;
  let bestObj = state.objective();
  let curObj = bestObj;
  const t0 = Math.max(1, 2e-4 * Math.abs(bestObj));
  const paired = () => [...Array(nV).keys()].filter((v) => state.pairOfVehicle[v]! >= 0);
  let pairedList = paired();
  const crewsWithOptions = model.crews.map((_, c) => c).filter((c) => model.pairsOfCrew[c]!.length > 0);

  /**
   * Polish: every pair of neighbouring crewed vehicles of a class is re-packed together, and, where
   * their crews may swap, re-packed with the crews swapped; kept only when the objective drops.
   */
  /** The penalty of the most valuable unassigned task among a vehicle's best candidates (0: none waits). */
  const waitingWork = (v: number) => {
    const list = byValue[v]!;
    for (let i = 0; i < Math.min(list.length, 6); i++) if (state.taskCand[list[i]!]! < 0) return model.tasks[list[i]!]!.penalty;
    return 0;
  };
  const polish = (share: number) => {
    const until = Math.min(deadline, performance.now() + share * Math.max(0, deadline - performance.now()));
    const attempt = (change: () => boolean) => {
      const before = state.objective();
      state.begin();
      if (!change()) { state.rollback(); return; }
      if (state.objective() < before - 1e-9) state.commit();
      else state.rollback();
    };
    // First where valuable work waits: three neighbouring vehicles re-packed at once (moves along a chain of three).
    const waiting = [...Array(nV).keys()].filter((a) => state.pairOfVehicle[a]! >= 0).map((a) => ({ a, w: waitingWork(a) })).filter(({ w }) => w > 0)
      .sort((x, y) => y.w - x.w || x.a - y.a).map(({ a }) => a);
    // Each such vehicle alone, exactly (knapsack): cheap, and often enough.
    for (const a of waiting) {
      if (performance.now() > until) return;
      attempt(() => {
        const pool = new Set<number>();
        const touched = new Set<number>();
        repack(a, pool, touched);
        relatedUnassigned(touched, 3, pool);
        insertAll(order([...pool], 0), true);
        return true;
      });
    }
    for (const a of waiting) {
      if (performance.now() > until) return;
      const near = neighbours[a]!.filter((w) => state.pairOfVehicle[w]! >= 0).slice(0, 2);
      if (near.length < 2) continue;
      attempt(() => {
        const pool = new Set<number>();
        const touched = new Set<number>();
        repackGroup([a, ...near], pool, touched, POLISH_NODES);
        relatedUnassigned(touched, 3, pool);
        insertAll(order([...pool], 0), true);
        return true;
      });
    }
    // Then every pair of neighbours, as they are and with their crews swapped.
    for (let a = 0; a < nV; a++) {
      if (state.pairOfVehicle[a]! < 0) continue;
      for (const b of neighbours[a]!) {
        if (performance.now() > until) return;
        if (b < a || state.pairOfVehicle[b]! < 0) continue;
        for (const swap of [false, true]) {
          attempt(() => {
            if (swap) {
              const ca = model.pairs[state.pairOfVehicle[a]!]!.crew;
              const cb = model.pairs[state.pairOfVehicle[b]!]!.crew;
              const pa = model.pairsOfCrew[cb]!.find((p) => model.pairs[p]!.vehicle === a);
              const pb = model.pairsOfCrew[ca]!.find((p) => model.pairs[p]!.vehicle === b);
              if (pa === undefined || pb === undefined) return false;
              state.setPair(a, -1); state.setPair(b, -1); state.setPair(a, pa); state.setPair(b, pb);
            }
            const pool = new Set<number>();
            const touched = new Set<number>();
            trim(a, pool); trim(b, pool);
            repackPair(a, b, pool, touched);
            relatedUnassigned(touched, 3, pool);
            insertAll(order([...pool], 0), true);
            return true;
          });
        }
      }
    }
  };
  /** Moves single tasks to a cheaper team that has the time (deadhead, lending, tier-1 finish), while any move helps. */
  const relocatePass = () => {
    for (let round = 0; round < 3; round++) {
      let moved = false;
      for (let j = 0; j < nT; j++) {
        if ((j & 63) === 0 && performance.now() > deadline) return;
        const k0 = state.taskCand[j]!;
        if (k0 < 0) continue;
        for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) {
          if (k === k0 || model.candCost[k]! > model.candCost[k0]! + wT * model.candHours[k0]! + 1e-9 || !state.fits(k)) continue;
          const before = state.objective();
          state.begin();
          state.setCand(j, k);
          if (state.objective() < before - 1e-9) { state.commit(); moved = true; break; }
          state.rollback();
        }
      }
      if (!moved) return;
    }
  };
  /** Swaps two tasks between teams (each fitting in the other's time) when that lowers the objective. */
  const swapPass = () => {
    const candOn = (j: number, v: number) => {
      for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) if (model.candVehicle[k] === v) return k;
      return -1;
    };
    for (let j1 = 0; j1 < nT; j1++) {
      if ((j1 & 31) === 0 && performance.now() > deadline) return;
      const k1 = state.taskCand[j1]!;
      if (k1 < 0) continue;
      const v1 = model.candVehicle[k1]!;
      for (let k = model.candStart[j1]!; k < model.candStart[j1 + 1]!; k++) {
        const v2 = model.candVehicle[k]!;
        if (v2 === v1 || state.pairOfVehicle[v2]! < 0 || model.candCost[k]! >= model.candCost[k1]! + 1e-12 && model.tasks[j1]!.tier !== 1) continue;
        for (const j2 of [...state.tasksOf[v2]!]) {
          const k2back = candOn(j2, v1);
          if (k2back < 0) continue;
          const k2 = state.taskCand[j2]!;
          if (model.candCost[k]! + model.candCost[k2back]! > model.candCost[k1]! + model.candCost[k2]! + wT * 8 + 1e-9) continue;
          if (state.load[v1]! - model.candHours[k1]! + model.candHours[k2back]! > state.cap[v1]! + EPS) continue;
          if (state.load[v2]! - model.candHours[k2]! + model.candHours[k]! > state.cap[v2]! + EPS) continue;
          const before = state.objective();
          state.begin();
          state.setCand(j1, -1); state.setCand(j2, -1); state.setCand(j1, k); state.setCand(j2, k2back);
          if (state.objective() < before - 1e-9) { state.commit(); break; }
          state.rollback();
        }
        if (state.taskCand[j1] !== k1) break;
      }
    }
  };
  const keepIfBest = () => {
    const obj = state.objective();
    curObj = obj;
    if (state.beats(bestU1, bestObj, obj)) { best = state.snapshot(); bestU1 = state.unassigned1; bestObj = obj; }
  };
  if (nT > 0 && nV > 0) { polish(0.2); keepIfBest(); }

  let iterations = 0;
  if (nT > 0 && nV > 0) {
    for (; iterations < maxIterations; iterations++) {
      if ((iterations & 15) === 0 && performance.now() > searchUntil) break;
      if (iterations > 0 && iterations % POLISH_EVERY === 0) { polish(0.1); relocatePass(); keepIfBest(); pairedList = paired(); }
      const progress = Math.max(iterations / maxIterations, (performance.now() - startedAt) / Math.max(1, searchUntil - startedAt));
      const temperature = t0 * Math.pow(1e-7, progress);
      state.begin();
      const pool = new Set<number>();
      const touched = new Set<number>();
      const q = 2 + Math.floor(random() * Math.min(30, Math.max(4, nT * 0.05)));
      const op = random();
      if (op < 0.2 && crewsWithOptions.length > 0) {
        // Re-pair: a crew takes another vehicle it may drive; that vehicle's crew takes the freed one if it can.
        const c = crewsWithOptions[Math.floor(random() * crewsWithOptions.length)]!;
        const options = model.pairsOfCrew[c]!;
        const p2 = options[Math.floor(random() * options.length)]!;
        const v2 = model.pairs[p2]!.vehicle;
        const v1 = state.vehicleOfCrew[c]!;
        if (v1 !== v2) {
          const pOther = state.pairOfVehicle[v2]!;
          const other = pOther >= 0 ? model.pairs[pOther]!.crew : -1;
          if (v1 >= 0) state.setPair(v1, -1);
          state.setPair(v2, -1);
          state.setPair(v2, p2);
          if (other >= 0 && v1 >= 0) {
            const back = model.pairsOfCrew[other]!.find((p) => model.pairs[p]!.vehicle === v1);
            if (back !== undefined) state.setPair(v1, back);
          } else if (other < 0 && v1 >= 0 && random() < 0.5) {
            // Leave the old vehicle to an idle crew of its zone, if there is one.
            const idle = model.pairsOfVehicle[v1]!.filter((p) => state.vehicleOfCrew[model.pairs[p]!.crew]! < 0);
            if (idle.length > 0) state.setPair(v1, idle[Math.floor(random() * idle.length)]!);
          }
          // Re-pack both: a swap of crews with different hours only pays once the loads are re-cut.
          for (const v of [v1, v2]) {
            if (v < 0) continue;
            touched.add(v);
            trim(v, pool);
          }
          if (v1 >= 0 && state.pairOfVehicle[v1]! >= 0 && model.vehicles[v1]!.vehicle.class === model.vehicles[v2]!.vehicle.class) repackPair(v2, v1, pool, touched);
          else for (const v of [v2, v1]) if (v >= 0) repack(v, pool, touched);
          for (const v of [v1, v2]) if (v >= 0) for (const w of neighbours[v]!.slice(0, 2)) touched.add(w);
        }
      } else if (op < 0.3) {
        // Put a crew on an idle vehicle that has valuable work waiting; its old vehicle goes to an idle crew or stands.
        let v = -1;
        let waiting = 0;
        for (let s = 0; s < 8; s++) {
          const w = Math.floor(random() * nV);
          if (state.pairOfVehicle[w]! >= 0) continue;
          const list = byValue[w]!;
          for (let i = 0; i < Math.min(list.length, 12); i++) {
            const j = list[i]!;
            if (state.taskCand[j]! >= 0) continue;
            if (model.tasks[j]!.penalty > waiting) { waiting = model.tasks[j]!.penalty; v = w; }
            break;
          }
        }
        if (v >= 0) {
          let choice = -1;
          let lowest = Infinity;
          for (const p of model.pairsOfVehicle[v]!) {
            const w = state.vehicleOfCrew[model.pairs[p]!.crew]!;
            let carried = -1;
            if (w >= 0) { carried = 0; for (const j of state.tasksOf[w]!) carried += model.tasks[j]!.penalty; }
            carried *= 0.5 + random();
            if (carried < lowest) { lowest = carried; choice = p; }
          }
          const crew = model.pairs[choice]!.crew;
          const w = state.vehicleOfCrew[crew]!;
          if (w >= 0) state.setPair(w, -1);
          state.setPair(v, choice);
          repack(v, pool, touched);
          touched.add(v);
          for (const x of neighbours[v]!.slice(0, 2)) touched.add(x);
          if (w >= 0) {
            const idle = model.pairsOfVehicle[w]!.filter((p) => state.vehicleOfCrew[model.pairs[p]!.crew]! < 0);
            if (idle.length > 0) state.setPair(w, idle[Math.floor(random() * idle.length)]!);
            touched.add(w);
            trim(w, pool);
          }
        }
      } else if (op < 0.4 && pairedList.length > 0) {
        // Exact re-pack of one vehicle, then of a neighbour that may take what it dropped.
        const v = pairedList[Math.floor(random() * pairedList.length)]!;
        const near = neighbours[v]!.filter((w) => state.pairOfVehicle[w]! >= 0);
        if (near.length > 1 && random() < 0.15) {
          const a = Math.floor(random() * near.length);
          const b = (a + 1 + Math.floor(random() * (near.length - 1))) % near.length;
          repackGroup([v, near[a]!, near[b]!], pool, touched);
        } else if (near.length > 0 && random() < 0.5) repackPair(v, near[Math.floor(random() * near.length)]!, pool, touched);
        else {
          repack(v, pool, touched);
          if (near.length > 0) repack(near[Math.floor(random() * near.length)]!, pool, touched);
        }
      } else if (op < 0.65 && pairedList.length > 0) {
        // Two related routes: a vehicle and a same-class neighbour lose part of their work.
        const v = pairedList[Math.floor(random() * pairedList.length)]!;
        const near = neighbours[v]!;
        const w = near.length > 0 ? near[Math.floor(random() * near.length)]! : v;
        for (const x of [v, w]) {
          touched.add(x);
          const share = 0.3 + 0.7 * random();
          for (const j of [...state.tasksOf[x]!]) if (random() < share) removeTask(j, pool, touched);
        }
      } else if (op < 0.75) {
        // Tier-1 finish time: the team that finishes tier 1 last gives up some of it.
        let worst = -1;
        let end = -1;
        for (const v of pairedList) {
          if (state.load1[v]! > EPS && state.fromH[v]! + state.load1[v]! > end) { end = state.fromH[v]! + state.load1[v]!; worst = v; }
        }
        if (worst >= 0) {
          touched.add(worst);
          for (const j of [...state.tasksOf[worst]!]) if (model.tasks[j]!.tier === 1 && random() < 0.5) removeTask(j, pool, touched);
          for (const w of neighbours[worst]!.slice(0, 3)) touched.add(w);
        }
      } else {
        // Random tasks, from anywhere.
        for (let n = 0; n < q; n++) {
          const j = Math.floor(random() * nT);
          if (state.taskCand[j]! >= 0) removeTask(j, pool, touched);
          else {
            for (let k = model.candStart[j]!; k < Math.min(model.candStart[j]! + 3, model.candStart[j + 1]!); k++) touched.add(model.candVehicle[k]!);
            pool.add(j);
          }
        }
      }
      relatedUnassigned(touched, 3, pool);
      insertAll(order([...pool], 0.3), true);
      const obj = state.objective();
      if (obj <= curObj + EPS || random() < Math.exp(-(obj - curObj) / temperature)) {
        state.commit();
        curObj = obj;
        if (state.beats(bestU1, bestObj, obj)) {
          best = state.snapshot();
          bestU1 = state.unassigned1;
          bestObj = obj;
        }
        if (op < 0.3) pairedList = paired();
      } else {
        state.rollback();
      }
    }
  }
  if (nT > 0 && nV > 0 && performance.now() < deadline) {
    state.restore(best);
    polish(1);
    relocatePass();
    swapPass();
    relocatePass();
    keepIfBest();
  }
  return { solution: best, iterations, start };
}
