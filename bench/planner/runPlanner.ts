// Runs the planner once on a bench instance in its own process, so its peak memory is its own,
// and prints one JSON line: objective, wall and CPU time, peak RSS. Arguments: size [work] [safety cap, ms].
// With a cap and no work budget, the search runs until the cap (a quality-against-time point). Work 'ahead':
// the default budget of a plan made ahead of the snow (the plan kept ready on watch, readyWork).
import { SystemClock } from '../../functions/adapters/system/SystemClock.ts';
import { planRoutes } from '../../functions/core/planner/planRoutes.ts';
import { generateCity, type BenchSize } from './generateCity.ts';

const [size, work, capMs] = process.argv.slice(2) as [BenchSize, string | undefined, string | undefined];
const input = generateCity(size);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const plan = planRoutes(input, {
  fill: false, clock: new SystemClock(),
  ...(work === 'ahead' ? { ahead: true } : work && work !== 'default' ? { work: Number(work) } : {}),
  ...(capMs ? { safetyCapMs: Number(capMs) } : {}),
});
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(`${JSON.stringify({ size, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024, stats: plan.stats })}\n`);
