// Runs the planner once on a bench instance in its own process, so its peak memory is its own,
// and prints one JSON line: objective, time, peak RSS.
import { planRoutes } from '../../functions/core/planner/planRoutes.ts';
import { generateCity, type BenchSize } from './generateCity.ts';

const size = process.argv[2] as BenchSize;
const input = generateCity(size);
const started = performance.now();
const plan = planRoutes(input, { fill: false });
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ size, ms, peakMb: process.resourceUsage().maxRSS / 1024, stats: plan.stats, solution: { pairOfVehicle: [...plan.solution.pairOfVehicle], taskCand: [...plan.solution.taskCand] } })}\n`);
