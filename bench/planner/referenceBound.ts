import type { Highs } from 'highs';
import { buildPlanningModel } from '../../functions/core/planner/buildPlanningModel.ts';
import type { PlannerInput } from '../../functions/core/planner/PlannerInput.ts';
import { buildMip } from './buildMip.ts';
import type { BenchSize } from './generateCity.ts';
import { lagrangianBound } from './lagrangianBound.ts';
import { lpBoundByColumnGeneration } from './lpBound.ts';

const MIP_TIME_LIMIT_S = 60;
const LAGRANGIAN_ITERATIONS = 1500;

export interface Reference {
  ref: number;
  kind: 'optimum' | 'lp_bound' | 'lagrangian_bound';
  /** Penalty of road passes no ready vehicle could serve: the same in every plan, left out of the gaps. */
  constant: number;
  highsObjective?: number;
  highsMs?: number;
  note: string;
  tasks: number;
  pairs: number;
  candidates: number;
}

/**
 * The best lower bound known for a bench city: HiGHS's proven optimum of the exact MIP (small,
 * medium), else its LP relaxation; for large, the LP optimum of the full model by column
 * generation; for xlarge, where no LP of ~10^8 candidates fits in memory, a Lagrangian bound of the
 * model the planner searches (its 48 cheapest candidates per task), raised towards `upper`.
 */
export function referenceBound(highs: Highs, size: BenchSize, input: PlannerInput, upper: number): Reference {
  if (size === 'xlarge') {
    const model = buildPlanningModel(input);
    let constant = 0;
    model.tasks.forEach((t, j) => { if (model.candStart[j] === model.candStart[j + 1]) constant += t.penalty; });
    const started = performance.now();
    const bound = lagrangianBound(model, upper, LAGRANGIAN_ITERATIONS);
    const note = `no LP fits (every road pass × every vehicle of its class); Lagrangian bound of the planner's own candidate lists (48 per pass; the tier-1 finish-time term left out): ${bound.iterations} subgradient steps, ${((performance.now() - started) / 1000).toFixed(1)} s`;
    return { ref: bound.bound, kind: 'lagrangian_bound', constant, note, tasks: model.tasks.length, pairs: model.pairs.length, candidates: model.candVehicle.length };
  }
  const full = buildPlanningModel(input, { maxCandidates: Number.POSITIVE_INFINITY });
  let constant = 0;
  full.tasks.forEach((t, j) => { if (full.candStart[j] === full.candStart[j + 1]) constant += t.penalty; });
  const sizes = { tasks: full.tasks.length, pairs: full.pairs.length, candidates: full.candVehicle.length };
  if (size === 'large') {
    // The MIP has ~1e6 binaries here: HiGHS cannot get past its root LP in 60 s, so it is skipped.
    // The LP bound is computed by column generation from the planner's own candidate lists, priced
    // against every (road pass, vehicle) pair, so it is the LP optimum of the full model.
    const start = new Uint8Array(full.candVehicle.length);
    const restricted = buildPlanningModel(input);
    for (let j = 0; j < full.tasks.length; j++) {
      const allowed = new Set<number>();
      for (let k = restricted.candStart[j]!; k < restricted.candStart[j + 1]!; k++) allowed.add(restricted.candVehicle[k]!);
      for (let k = full.candStart[j]!; k < full.candStart[j + 1]!; k++) if (allowed.has(full.candVehicle[k]!)) start[k] = 1;
    }
    const started = performance.now();
    const bound = lpBoundByColumnGeneration(highs as never, full, start, 1200);
    const note = `MIP skipped (${full.candVehicle.length} candidate binaries); LP bound by column generation: ${bound.rounds} round(s), ${bound.columns} columns priced against ${bound.priced}, ${((performance.now() - started) / 1000).toFixed(1)} s`;
    return { ref: bound.bound, kind: 'lp_bound', constant, note, ...sizes };
  }
  const mip = buildMip(full);
  const started = performance.now();
  const result = highs.solve(mip.lp, { time_limit: MIP_TIME_LIMIT_S, output_flag: false });
  const highsMs = performance.now() - started;
  const highsObjective = Number.isFinite(result.ObjectiveValue) && result.Status !== 'Infeasible' ? result.ObjectiveValue + mip.constant : undefined;
  const highsPart = { highsMs, ...(highsObjective !== undefined ? { highsObjective } : {}) };
  if (result.Status === 'Optimal') {
    return { ref: highsObjective!, kind: 'optimum', constant, note: `HiGHS proved the optimum (relative gap ≤ 1e-4) of a MIP with ${mip.columns} columns, ${mip.rows} rows`, ...highsPart, ...sizes };
  }
  const lp = buildMip(full, true);
  const lpStarted = performance.now();
  const relaxed = highs.solve(lp.lp, { time_limit: 600, output_flag: false });
  if (relaxed.Status !== 'Optimal') throw new Error(`${size}: LP relaxation ended ${relaxed.Status}`);
  const note = `HiGHS stopped at ${MIP_TIME_LIMIT_S} s (${result.Status}) on a MIP with ${mip.columns} columns, ${mip.rows} rows; LP relaxation solved in ${((performance.now() - lpStarted) / 1000).toFixed(1)} s`;
  return { ref: relaxed.ObjectiveValue + lp.constant, kind: 'lp_bound', constant, note, ...highsPart, ...sizes };
}
