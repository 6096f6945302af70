// npm run bench:readiness [size]: an activation's first plan made cold (the planner from nothing) against
// the plan kept ready on watch, on the planner bench's seeded city (large by default; xlarge takes minutes),
// in the same process. The ready plan is made for level I everywhere on the budget a plan made ahead of the
// snow gets (readyWork, fifteen times an activation's); before the activation 3% of vehicles go to maintenance,
// 2% of crews leave the registry, two zones come in at level II instead, and the start is two hours later
// ('changed'); the same with the start 15 minutes later (the next poll: 'soon'); and nothing changed but the
// start two hours later ('unchanged'). Quality is what the planner minimises first: unassigned lane-km by
// tier, then when tier 1 is passable, then deadhead. For each: cold, the ready plan's routes kept
// (repairReadyPlan, for reference), and what an activation does (planFirstRound: the routes kept when
// nothing the planner reads changed, else the search started from the plan kept), with its time, and whether
// it covers tier 1 and all tiers no worse than cold. Prints the ready plan's stored size (gzipped JSON,
// parts of DynamoReadyPlans) against DynamoDB's 400 KB item.
// Ends with one contract line: `readiness size=<s> cold_ms=… repair_ms=… …`.
import { gzipSync } from 'node:zlib';
import { READY_PLAN_PART_BYTES } from '../../functions/adapters/dynamo/DynamoReadyPlans.ts';
import { SystemClock } from '../../functions/adapters/system/SystemClock.ts';
import type { ReadyPlan } from '../../functions/core/operations/ReadyPlan.ts';
import type { PlannerInput } from '../../functions/core/planner/PlannerInput.ts';
import type { AssignmentPlan } from '../../functions/core/planner/PlanTypes.ts';
import { planRoutes } from '../../functions/core/planner/planRoutes.ts';
import { planFirstRound } from '../../functions/core/readiness/planFirstRound.ts';
import { planInputKey } from '../../functions/core/readiness/planInputKey.ts';
import { repairReadyPlan } from '../../functions/core/readiness/repairReadyPlan.ts';
import { generateCity, type BenchSize } from '../planner/generateCity.ts';

const size = (process.argv[2] ?? 'large') as BenchSize;
const clock = new SystemClock();
// Plans are compared by their work budgets: on a loaded machine the 15 s safety cap (for Lambdas) cut the cold
// plans short, so the same input gave different plans within one run. An hour is no cap here.
const planning = { clock, safetyCapMs: 3_600_000 };
const HOUR_MS = 3_600_000;

function quality(input: PlannerInput, plan: AssignmentPlan) {
  const unassigned = [0, 0, 0];
  for (const s of plan.shortfalls) unassigned[s.tier - 1]! += s.laneKm;
  const tier1 = plan.teams.flatMap((t) => t.tasks).filter((t) => t.tier === 1).map((t) => Date.parse(t.passableAt));
  const tier1PassableH = tier1.length > 0 ? (Math.max(...tier1) - input.startAt.getTime()) / HOUR_MS : 0;
  const deadheadKm = plan.teams.flatMap((t) => t.tasks).reduce((n, t) => n + t.travelKm, 0);
  const tasks = plan.teams.reduce((n, t) => n + t.tasks.length, 0);
  return { unassigned, tier1PassableH, deadheadKm, tasks, modelTier1: plan.stats?.unassignedLaneKm[0] };
}
const fmtQ = (q: ReturnType<typeof quality>) => `unassigned lane-km ${q.unassigned.map((x) => x.toFixed(1)).join('/')}${q.modelTier1 !== undefined ? ` (model tier 1 ${q.modelTier1.toFixed(1)})` : ''}, tier 1 passable at ${q.tier1PassableH.toFixed(2)} h, deadhead ${q.deadheadKm.toFixed(0)} km, ${q.tasks} tasks`;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const watch = generateCity(size);
const made = timed(() => planRoutes(watch, { ...planning, ahead: true }));
const ready: ReadyPlan = { zoneLevels: watch.zoneLevels, inputKey: planInputKey(watch), madeAt: new Date().toISOString(), checkedAt: new Date().toISOString(), startAt: watch.startAt.toISOString(), teams: made.value.teams, shortfalls: made.value.shortfalls };
const stored = gzipSync(Buffer.from(JSON.stringify({ teams: ready.teams, shortfalls: ready.shortfalls })));
const parts = Math.ceil(stored.length / READY_PLAN_PART_BYTES);
console.log(`# ${size}: ${watch.roads.length} roads, ${watch.crews.length} crews, ${watch.vehicles.length} vehicles; ready plan made on watch in ${(made.ms / 1000).toFixed(1)} s (work ${made.value.stats!.workBudget.toExponential(2)}): ${made.value.teams.length} teams, ${fmtQ(quality(watch, made.value))}`);
console.log(`#   stored: ${(JSON.stringify(ready).length / 1e6).toFixed(1)} MB of JSON, ${(stored.length / 1e3).toFixed(0)} KB gzipped, ${parts} part item(s) of at most ${READY_PLAN_PART_BYTES / 1e3} KB (DynamoDB's item limit: 400 KB)`);

// What changed between the watch and the activation.
const zoneIds = watch.zones.map((z) => z.id);
const every = (n: number) => <T>(_: T, i: number) => i % n !== 0;
const atActivation: PlannerInput = {
  ...watch,
  startAt: new Date(watch.startAt.getTime() + 2 * HOUR_MS),
  vehicles: watch.vehicles.map((v, i) => (i % 33 === 0 ? { ...v, status: 'maintenance' as const } : v)),
  crews: watch.crews.filter(every(50)),
  zoneLevels: { ...watch.zoneLevels, [zoneIds[0]!]: 'II', [zoneIds[1]!]: 'II' },
};
const unchanged: PlannerInput = { ...watch, startAt: new Date(watch.startAt.getTime() + 2 * HOUR_MS) };
const soon: PlannerInput = { ...atActivation, startAt: new Date(watch.startAt.getTime() + HOUR_MS / 4) };

const results: string[] = [];
for (const [name, input] of [['changed', atActivation], ['unchanged', unchanged], ['soon', soon]] as const) {
  const cold = timed(() => planRoutes(input, planning));
  const repaired = timed(() => repairReadyPlan(input, ready, planning));
  const r = repaired.value.repair;
  const qc = quality(input, cold.value);
  const qr = quality(input, repaired.value);
  console.log(`# ${name}: cold ${(cold.ms / 1000).toFixed(2)} s: ${fmtQ(qc)}`);
  console.log(`#   repaired ${(repaired.ms / 1000).toFixed(2)} s: ${fmtQ(qr)} (zones changed ${r.zonesChanged}, kept ${r.keptTeams} teams / ${r.keptTasks} tasks, dropped ${r.droppedTeams} / ${r.droppedTasks}, new ${r.newTeams} / ${r.newTasks})`);
  // What an activation does (planFirstRound): the routes kept when nothing the planner reads changed, else the search from the plan kept.
  const chosen = timed(() => planFirstRound(input, { ready }, planning));
  const qp = quality(input, chosen.value.planned);
  const noWorse = qp.unassigned[0]! <= qc.unassigned[0]! + 0.05 && qp.unassigned.reduce((a, b) => a + b, 0) <= qc.unassigned.reduce((a, b) => a + b, 0) + 0.05;
  console.log(`#   the activation's path: ${chosen.value.note.action} (${String(chosen.value.note.details.from ?? 'cold')}) in ${(chosen.ms / 1000).toFixed(2)} s: ${fmtQ(qp)}; against cold: ${noWorse ? 'no worse' : 'WORSE'} on tier 1 and in all (work ${chosen.value.planned.stats?.workBudget.toExponential(2) ?? 'n/a'})`);
  results.push(`${name}_cold_ms=${cold.ms.toFixed(0)} ${name}_repair_ms=${repaired.ms.toFixed(0)} ${name}_t1_unassigned_cold=${qc.unassigned[0]!.toFixed(1)} ${name}_t1_unassigned_repair=${qr.unassigned[0]!.toFixed(1)} ${name}_unassigned_cold=${qc.unassigned.reduce((a, b) => a + b, 0).toFixed(1)} ${name}_unassigned_repair=${qr.unassigned.reduce((a, b) => a + b, 0).toFixed(1)} ${name}_path=${chosen.value.note.action.replace('activation.', '')} ${name}_path_ms=${chosen.ms.toFixed(0)} ${name}_speedup=${(cold.ms / Math.max(chosen.ms, 1e-3)).toFixed(1)} ${name}_t1_unassigned_path=${qp.unassigned[0]!.toFixed(1)} ${name}_unassigned_path=${qp.unassigned.reduce((a, b) => a + b, 0).toFixed(1)} ${name}_path_no_worse=${noWorse ? 'yes' : 'no'}`);
}
console.log(`readiness size=${size} stored_kb=${(stored.length / 1e3).toFixed(0)} parts=${parts} ${results.join(' ')}`);
