import type { StartingTeam, StartKept } from '../StartingTeams.ts';
import { repack } from './repacking.ts';
import { candidateOn, type SearchContext } from './SearchContext.ts';
import { EPS } from './tuning.ts';

/**
 * Puts a starting plan into the search's state, less what changed since it was made: a team stays
 * while its crew may still drive its vehicle (both in the model: free, on duty, ready, certified, same
 * zone), each of its passes while the pass is still to plan and the vehicle may serve it. A team now
 * over its crew's hours (a later start shortens a shift; the plan's schedule also fits passes into time
 * the model does not count) is re-packed exactly, with the work waiting near it, rather than cut from
 * its least valuable end: on the bench's large city that start searched to 257 tier-1 lane-km left out
 * where cutting searched to 268. The model, built from the input now, is what says what changed.
 * Returns what was kept.
 */
export function seedStart(ctx: SearchContext, teams: readonly StartingTeam[]): StartKept {
  const { model, state } = ctx;
  const crewIndex = new Map(model.crews.map((c, i) => [c.crew.id, i]));
  const vehicleIndex = new Map(model.vehicles.map((v, i) => [v.vehicle.id, i]));
  const taskIndex = new Map(model.tasks.map((t, j) => [`${t.road.id}#${t.pass}`, j]));
  ctx.budget.spend(model.crews.length + model.vehicles.length + model.tasks.length);
  const seeded: number[] = [];
  const given = new Set<number>();
  for (const team of teams) {
    const c = crewIndex.get(team.crewId);
    const v = vehicleIndex.get(team.vehicleId);
    if (c === undefined || v === undefined || state.vehicleOfCrew[c]! >= 0 || state.pairOfVehicle[v]! >= 0) continue;
    const p = model.pairsOfVehicle[v]!.find((q) => model.pairs[q]!.crew === c);
    if (p === undefined) continue;
    state.setPair(v, p);
    seeded.push(v);
    for (const t of team.tasks) {
      const j = taskIndex.get(`${t.roadId}#${t.pass}`);
      if (j === undefined || state.taskCand[j]! >= 0) continue;
      ctx.budget.spend(1 + model.candStart[j + 1]! - model.candStart[j]!);
      const k = candidateOn(model, j, v);
      if (k < 0) continue;
      state.setCand(j, k);
      given.add(j);
    }
  }
  const left = new Set<number>();
  const touched = new Set<number>();
  for (const v of seeded) if (state.load[v]! > state.cap[v]! + EPS) repack(ctx, v, left, touched);
  const kept = { teams: 0, tasks: 0 };
  for (const v of seeded) {
    // A team left with nothing frees its crew for the construction.
    if (state.tasksOf[v]!.length === 0) { state.setPair(v, -1); continue; }
    kept.teams++;
    for (const j of state.tasksOf[v]!) if (given.has(j)) kept.tasks++;
  }
  return kept;
}
