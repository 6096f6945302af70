// npm run bench:planner [size ...]: the planner against the greedy baseline and the best lower bound
// known (see referenceBound), on seeded city instances (small, medium, large, xlarge; all by default).
// Every gap is measured over the part of the objective a plan can change: road passes that no ready
// vehicle could serve at all add the same constant to every plan and are left out of numerator and
// denominator alike. For large and xlarge, a quality-against-time line: the search run until a
// wall-clock cap of 0.5, 1, 2 and 5 s from the start of planning (model building included), and a
// quality-against-work line (work budgets of 1e7, 3e7, 1e8: machine-independent plans, with their CPU time),
// and the plan made ahead of the snow (the plan kept ready on watch: readyWork's budget, off the first wave's
// path; an activation then searches from it on a third of its own budget: bench:readiness).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import { planGreedy } from '../../functions/core/planner/planGreedy.ts';
import { MAX_WORK } from '../../functions/core/planner/search/tuning.ts';
import { generateCity, SIZES, type BenchSize } from './generateCity.ts';
import { referenceBound } from './referenceBound.ts';

const RUN_PLANNER = fileURLToPath(new URL('./runPlanner.ts', import.meta.url));
const QUALITY_CAPS_S = [0.5, 1, 2, 5];
/** Work budgets for the quality-against-work line: the same plans on any machine. */
const QUALITY_WORK = [1e7, 3e7, 1e8];
const ALL: BenchSize[] = ['small', 'medium', 'large', 'xlarge'];
const sizes = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL) as BenchSize[];
for (const size of sizes) if (!ALL.includes(size)) throw new Error(`unknown size '${size}': one of ${ALL.join(', ')}`);

interface PlannerRun { ms: number; cpuMs: number; peakMb: number; stats: { objective: number; iterations: number; work: number; workBudget: number; hitSafetyCap: boolean; unassignedLaneKm: number[]; tier1PassableH: number; deadheadKm: number } }

function runPlanner(size: BenchSize, work?: number | 'ahead', capMs?: number): PlannerRun {
  const args = [size, work === undefined ? 'default' : String(work), ...(capMs !== undefined ? [String(capMs)] : [])];
  const child = spawnSync(process.execPath, ['--import', 'tsx', RUN_PLANNER, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`planner run for ${size} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as PlannerRun;
}

// The package's types describe a CommonJS default; its ESM build's namespace carries the loader as `default`.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
const highs = await loadHighs();
const contract: string[] = [];
const fmt = (x: number) => (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);

for (const size of sizes) {
  const spec = SIZES[size];
  const input = generateCity(size);
  const run = runPlanner(size);
  const greedyStarted = performance.now();
  const greedy = planGreedy(input).stats!;
  const greedyMs = performance.now() - greedyStarted;
  const r = referenceBound(highs, size, input, Math.min(run.stats.objective, greedy.objective));
  const gap = (x: number) => fmt(((x - r.ref) / (r.ref - r.constant)) * 100);
  const s = run.stats;
  console.log(`# ${size}: ${spec.roads} roads, ${spec.crews} crews, ${spec.vehicles} vehicles -> ${r.tasks} road passes, ${r.pairs} crew-vehicle pairs, ${r.candidates} candidates`);
  console.log(`#   ${r.note}`);
  console.log(`#   objective (less the constant ${r.constant.toFixed(0)}): ref ${fmt(r.ref - r.constant)}, planner ${fmt(s.objective - r.constant)}, greedy ${fmt(greedy.objective - r.constant)}${r.highsObjective !== undefined ? `, HiGHS ${fmt(r.highsObjective - r.constant)}` : ''}`);
  console.log(`#   planner: unassigned lane-km by tier ${s.unassignedLaneKm.map(fmt).join('/')}, tier 1 passable at ${fmt(s.tier1PassableH)} h, deadhead ${fmt(s.deadheadKm)} km, ${s.iterations} iterations, work ${s.work.toExponential(2)} of ${s.workBudget.toExponential(2)}${s.hitSafetyCap ? ' (SAFETY CAP HIT: the plan depends on the machine)' : ''}; greedy: ${greedy.unassignedLaneKm.map(fmt).join('/')}, ${fmt(greedy.tier1PassableH)} h, ${fmt(greedy.deadheadKm)} km, ${greedyMs.toFixed(0)} ms (planner/greedy time ${(run.ms / Math.max(greedyMs, 1e-3)).toFixed(1)}x)`);
  if (size === 'large' || size === 'xlarge') {
    const points = QUALITY_CAPS_S.map((capS) => {
      const capped = runPlanner(size, MAX_WORK * 100, capS * 1000);
      return `${capS} s: gap ${gap(capped.stats.objective)} % (took ${(capped.ms / 1000).toFixed(1)} s, CPU ${(capped.cpuMs / 1000).toFixed(1)} s, work ${capped.stats.work.toExponential(2)}, ${capped.stats.iterations} iterations)`;
    });
    console.log(`#   quality against time (search until a wall-clock cap; a loaded machine gets less done in the same wall time): ${points.join('; ')}`);
    const byWork = QUALITY_WORK.map((work) => {
      const budgeted = runPlanner(size, work);
      return `${work.toExponential(0)}: gap ${gap(budgeted.stats.objective)} % (took ${(budgeted.ms / 1000).toFixed(1)} s, CPU ${(budgeted.cpuMs / 1000).toFixed(1)} s)`;
    });
    console.log(`#   quality against work (the same plans on any machine): ${byWork.join('; ')}`);
  }
  const ahead = size === 'large' || size === 'xlarge' ? runPlanner(size, 'ahead') : undefined;
  if (ahead) console.log(`#   made ahead of the snow (the plan kept ready on watch, work ${ahead.stats.workBudget.toExponential(2)}): gap ${gap(ahead.stats.objective)} %, unassigned lane-km by tier ${ahead.stats.unassignedLaneKm.map(fmt).join('/')} (took ${(ahead.ms / 1000).toFixed(1)} s, CPU ${(ahead.cpuMs / 1000).toFixed(1)} s${ahead.stats.hitSafetyCap ? ', SAFETY CAP HIT' : ''})`);
  const aheadFields = ahead ? ` ahead_gap_pct=${gap(ahead.stats.objective)} ahead_work=${ahead.stats.work.toFixed(0)} ahead_cpu_ms=${ahead.cpuMs.toFixed(0)}` : '';
  contract.push(`planner size=${size} ref=${r.kind} gap_pct=${gap(s.objective)} highs_gap_pct=${r.highsObjective !== undefined ? gap(r.highsObjective) : 'n/a'} greedy_gap_pct=${gap(greedy.objective)} planner_ms=${run.ms.toFixed(0)} highs_ms=${r.highsMs !== undefined ? r.highsMs.toFixed(0) : 'n/a'} peak_mb=${run.peakMb.toFixed(0)} work=${s.work.toFixed(0)} planner_cpu_ms=${run.cpuMs.toFixed(0)}${aheadFields}`);
}
for (const line of contract) console.log(line);
