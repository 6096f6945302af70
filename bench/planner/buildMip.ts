import type { PlanningModel } from '../../functions/core/planner/PlanningModel.ts';

/**
 * The planner's model as a MIP in CPLEX LP format, with the same weighted objective. Variables:
 * x<k> one per (task, vehicle) candidate, u<j> "task j left out", y<p> one per (crew, vehicle)
 * pair, z<v> "vehicle v does tier-1 work", T the tier-1 finish time.
 *   min  Σ penalty_j u_j + Σ cost_k x_k + W_T T   (+ `constant`: tasks no vehicle can take)
 *   Σ_k x_k + u_j = 1 per task; each crew and each vehicle in at most one pair;
 *   Σ hours_k x_k ≤ Σ hours_p y_p per vehicle (no pair, no work);
 *   T ≥ Σ_p fromH_p y_p + Σ_tier1 hours_k x_k − M_v (1 − z_v),  z_v ≥ x_k for tier-1 k.
 * With `relax`, binaries become [0, 1] bounds: the LP relaxation.
 */
export function buildMip(model: PlanningModel, relax = false): { lp: string; constant: number; columns: number; rows: number } {
  const lines: string[] = ['Minimize', ' obj:'];
  const wT = model.settings.weights.tier1PassableHour;
  let constant = 0;
  let term: string[] = [];
  const flush = (into: string[]) => { if (term.length > 0) { into.push(`  ${term.join(' ')}`); term = []; } };
  const add = (into: string[], coef: number, name: string) => {
    if (coef === 0) return;
    term.push(`${coef < 0 ? '-' : '+'} ${Math.abs(coef).toPrecision(12)} ${name}`);
    if (term.length >= 8) flush(into);
  };
  const open = (j: number) => model.candStart[j + 1]! > model.candStart[j]!;
  model.tasks.forEach((t, j) => {
    if (!open(j)) { constant += t.penalty; return; }
    add(lines, t.penalty, `u${j}`);
    for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) add(lines, model.candCost[k]!, `x${k}`);
  });
  add(lines, wT, 'T');
  flush(lines);
  lines.push('Subject To');
  let rows = 0;
  const row = (name: string, build: (into: string[]) => void, sense: string, rhs: number) => {
    const body: string[] = [];
    build(body);
    flush(body);
    if (body.length === 0) return;
    rows++;
    lines.push(` ${name}:`);
    for (const line of body) lines.push(line);
    lines.push(`  ${sense} ${rhs}`);
  };
  model.tasks.forEach((_, j) => {
    if (open(j)) row(`t${j}`, (b) => { add(b, 1, `u${j}`); for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) add(b, 1, `x${k}`); }, '=', 1);
  });
  model.crews.forEach((_, c) => row(`c${c}`, (b) => { for (const p of model.pairsOfCrew[c]!) add(b, 1, `y${p}`); }, '<=', 1));
  const zs: string[] = [];
  model.vehicles.forEach((_, v) => {
    const pairs = model.pairsOfVehicle[v]!;
    const cands: number[] = [];
    const tier1: number[] = [];
    for (let i = model.vehStart[v]!; i < model.vehStart[v + 1]!; i++) {
      cands.push(model.vehCand[i]!);
      if (model.tasks[model.vehTask[i]!]!.tier === 1) tier1.push(model.vehCand[i]!);
    }
    row(`v${v}`, (b) => { for (const p of pairs) add(b, 1, `y${p}`); }, '<=', 1);
    row(`h${v}`, (b) => {
      for (const k of cands) add(b, model.candHours[k]!, `x${k}`);
      for (const p of pairs) add(b, -model.pairs[p]!.hours, `y${p}`);
    }, '<=', 0);
    if (tier1.length === 0) return;
    const bigM = Math.max(...pairs.map((p) => model.pairs[p]!.fromH));
    row(`m${v}`, (b) => {
      add(b, 1, 'T');
      for (const k of tier1) add(b, -model.candHours[k]!, `x${k}`);
      for (const p of pairs) add(b, -model.pairs[p]!.fromH, `y${p}`);
      if (bigM > 0) add(b, -bigM, `z${v}`);
    }, '>=', -bigM);
    if (bigM > 0) {
      zs.push(`z${v}`);
      for (const k of tier1) row(`q${k}`, (b) => { add(b, 1, `z${v}`); add(b, -1, `x${k}`); }, '>=', 0);
    }
  });
  const binaries = Array.from({ length: model.candVehicle.length }, (_, k) => `x${k}`);
  for (let p = 0; p < model.pairs.length; p++) binaries.push(`y${p}`);
  lines.push('Bounds', ' T >= 0');
  for (const z of zs) lines.push(` 0 <= ${z} <= 1`);
  let us = 0;
  model.tasks.forEach((_, j) => { if (open(j)) { lines.push(` 0 <= u${j} <= 1`); us++; } });
  if (relax) for (const b of binaries) lines.push(` 0 <= ${b} <= 1`);
  else {
    lines.push('Binary');
    for (const c of chunk(binaries, 20)) lines.push(` ${c.join(' ')}`);
  }
  lines.push('End');
  return { lp: lines.join('\n'), constant, columns: binaries.length + zs.length + us + 1, rows };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
