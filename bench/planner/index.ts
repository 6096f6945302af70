// npm run bench:planner: the planner against the greedy baseline and an exact MIP in HiGHS, on
// seeded city instances. Every gap is measured against the best lower bound known (HiGHS's proven
// optimum, else the LP relaxation's optimum), over the part of the objective a plan can change:
// road passes that no ready vehicle could serve at all add the same constant to every plan and are
// left out of numerator and denominator alike.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import { buildPlanningModel } from '../../functions/core/planner/buildPlanningModel.ts';
import { planGreedy } from '../../functions/core/planner/planGreedy.ts';
import { buildMip } from './buildMip.ts';
import { generateCity, SIZES, type BenchSize } from './generateCity.ts';
import { lpBoundByColumnGeneration } from './lpBound.ts';

const MIP_TIME_LIMIT_S = 60;
const RUN_PLANNER = fileURLToPath(new URL('./runPlanner.ts', import.meta.url));
const sizes = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['small', 'medium', 'large']) as BenchSize[];

interface PlannerRun { ms: number; peakMb: number; stats: { objective: number; iterations: number; unassignedLaneKm: number[]; tier1PassableH: number; deadheadKm: number } }

// The package's types describe a CommonJS default; its ESM build's namespace carries the loader as `default`.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
const highs = await loadHighs();
const contract: string[] = [];
const fmt = (x: number) => (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);

for (const size of sizes) {
  const spec = SIZES[size];
  const input = generateCity(size);
  const child = spawnSync(process.execPath, ['--import', 'tsx', RUN_PLANNER, size], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`planner run for ${size} failed: ${child.stderr}`);
  const run = JSON.parse(child.stdout.trim().split('\n').pop()!) as PlannerRun;

  const full = buildPlanningModel(input, { maxCandidates: Number.POSITIVE_INFINITY });
  let constant = 0;
  full.tasks.forEach((t, j) => { if (full.candStart[j] === full.candStart[j + 1]) constant += t.penalty; });
  const greedyStarted = performance.now();
  const greedy = planGreedy(input).stats!;
  const greedyMs = performance.now() - greedyStarted;

  let ref: number;
  let refKind: 'optimum' | 'lp_bound';
  let highsObjective: number | undefined;
  let highsMs: number | undefined;
  let note: string;
  if (size !== 'large') {
    const mip = buildMip(full);
    const started = performance.now();
    const result = highs.solve(mip.lp, { time_limit: MIP_TIME_LIMIT_S, output_flag: false });
    highsMs = performance.now() - started;
    if (Number.isFinite(result.ObjectiveValue) && result.Status !== 'Infeasible') highsObjective = result.ObjectiveValue + mip.constant;
    if (result.Status === 'Optimal') {
      ref = highsObjective!;
      refKind = 'optimum';
      note = `HiGHS proved the optimum (relative gap ≤ 1e-4) of a MIP with ${mip.columns} columns, ${mip.rows} rows`;
    } else {
      const lp = buildMip(full, true);
      const lpStarted = performance.now();
      const relaxed = highs.solve(lp.lp, { time_limit: 600, output_flag: false });
      if (relaxed.Status !== 'Optimal') throw new Error(`${size}: LP relaxation ended ${relaxed.Status}`);
      ref = relaxed.ObjectiveValue + lp.constant;
      refKind = 'lp_bound';
      note = `HiGHS stopped at ${MIP_TIME_LIMIT_S} s (${result.Status}) on a MIP with ${mip.columns} columns, ${mip.rows} rows; LP relaxation solved in ${((performance.now() - lpStarted) / 1000).toFixed(1)} s`;
    }
  } else {
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
    ref = bound.bound;
    refKind = 'lp_bound';
    note = `MIP skipped (${full.candVehicle.length} candidate binaries); LP bound by column generation: ${bound.rounds} round(s), ${bound.columns} columns priced against ${bound.priced}, ${((performance.now() - started) / 1000).toFixed(1)} s`;
  }
  const gap = (x: number) => fmt(((x - ref) / (ref - constant)) * 100);
  console.log(`# ${size}: ${spec.roads} roads, ${spec.crews} crews, ${spec.vehicles} vehicles -> ${full.tasks.length} road passes, ${full.pairs.length} crew-vehicle pairs, ${full.candVehicle.length} candidates`);
  console.log(`#   ${note}`);
  console.log(`#   objective (less the constant ${constant.toFixed(0)}): ref ${fmt(ref - constant)}, planner ${fmt(run.stats.objective - constant)}, greedy ${fmt(greedy.objective - constant)}${highsObjective !== undefined ? `, HiGHS ${fmt(highsObjective - constant)}` : ''}`);
  console.log(`#   planner: unassigned lane-km by tier ${run.stats.unassignedLaneKm.map(fmt).join('/')}, tier 1 passable at ${fmt(run.stats.tier1PassableH)} h, deadhead ${fmt(run.stats.deadheadKm)} km, ${run.stats.iterations} iterations; greedy: ${greedy.unassignedLaneKm.map(fmt).join('/')}, ${fmt(greedy.tier1PassableH)} h, ${fmt(greedy.deadheadKm)} km, ${greedyMs.toFixed(0)} ms (planner/greedy time ${(run.ms / Math.max(greedyMs, 1e-3)).toFixed(1)}x)`);
  contract.push(`planner size=${size} ref=${refKind} gap_pct=${gap(run.stats.objective)} highs_gap_pct=${highsObjective !== undefined ? gap(highsObjective) : 'n/a'} greedy_gap_pct=${gap(greedy.objective)} planner_ms=${run.ms.toFixed(0)} highs_ms=${highsMs !== undefined ? highsMs.toFixed(0) : 'n/a'} peak_mb=${run.peakMb.toFixed(0)}`);
}
for (const line of contract) console.log(line);
