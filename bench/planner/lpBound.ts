import type { PlanningModel } from '../../functions/core/planner/PlanningModel.ts';
import { buildMip } from './buildMip.ts';
import { restrictModel } from './restrictModel.ts';

type Highs = { solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Rows: { Name: string; Dual: number }[]; Columns: Record<string, { Dual: number }> } };

/**
 * The LP relaxation's optimum of the full model by column generation: solve over the `start`
 * candidates, price every other (task, vehicle) candidate with the duals, add those with negative
 * reduced cost, repeat. When none is left the restricted LP's optimum is the full LP's.
 */
export function lpBoundByColumnGeneration(highs: Highs, full: PlanningModel, start: Uint8Array, timeLimitS: number): { bound: number; rounds: number; columns: number; priced: number } {
  if (full.pairs.some((p) => p.fromH > 0)) throw new Error('column generation here assumes no late starts (no tier-1 indicator rows)');
  const keep = start.slice();
  for (let round = 1; ; round++) {
    const { model, index } = restrictModel(full, keep);
    const lp = buildMip(model, true);
    const result = highs.solve(lp.lp, { time_limit: timeLimitS, output_flag: false });
    if (result.Status !== 'Optimal') throw new Error(`LP relaxation: ${result.Status}`);
    const dual = new Map(result.Rows.map((r) => [r.Name, r.Dual]));
    // Reduced cost of x_k: cost − π(task row) − hours·π(capacity row) + [tier 1] hours·π(finish-time row).
    const reduced = (k: number, j: number, v: number) => full.candCost[k]! - (dual.get(`t${j}`) ?? 0) - full.candHours[k]! * (dual.get(`h${v}`) ?? 0)
      + (full.tasks[j]!.tier === 1 ? full.candHours[k]! * (dual.get(`m${v}`) ?? 0) : 0);
    // Check the formula on columns the LP has, against HiGHS's own reduced costs.
    for (let i = 0; i < Math.min(index.length, 200); i++) {
      const k = index[i]!;
      const j = taskOf(full, k);
      const own = result.Columns[`x${i}`]?.Dual;
      if (own !== undefined && Math.abs(own - reduced(k, j, full.candVehicle[k]!)) > 1e-3 + 1e-6 * Math.abs(own)) {
        throw new Error(`reduced-cost check failed for x${i}: HiGHS ${own}, priced ${reduced(k, j, full.candVehicle[k]!)}`);
      }
    }
    let added = 0;
    for (let j = 0; j < full.tasks.length; j++) {
      for (let k = full.candStart[j]!; k < full.candStart[j + 1]!; k++) {
        if (keep[k] || reduced(k, j, full.candVehicle[k]!) >= -1e-6) continue;
        keep[k] = 1;
        added++;
      }
    }
    if (added === 0) return { bound: result.ObjectiveValue + lp.constant, rounds: round, columns: index.length, priced: full.candVehicle.length };
  }
}

function taskOf(model: PlanningModel, k: number): number {
  let lo = 0;
  let hi = model.tasks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (model.candStart[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
