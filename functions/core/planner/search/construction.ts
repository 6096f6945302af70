import { demandPairing } from '../demandPairing.ts';
import { greedyAssign } from '../greedyAssign.ts';
import { insertAll, insertionOrder } from './insertion.ts';
import type { SearchContext } from './SearchContext.ts';
import { CONSTRUCTION_ROUNDS } from './tuning.ts';

/**
 * The search's start: teams formed where the demand is and tasks inserted by value, a few rounds
 * (each round pairs the crews still idle with the work still left); the greedy baseline's plan
 * instead when it ranks better. Returns which start was kept.
 */
export function construct(ctx: SearchContext): 'construction' | 'greedy' {
  const { model, state } = ctx;
  for (let round = 0; round < CONSTRUCTION_ROUNDS; round++) {
    demandPairing(model, state, ctx.minHours);
    const pool: number[] = [];
    for (let j = 0; j < model.tasks.length; j++) if (state.taskCand[j]! < 0 && Number.isFinite(ctx.minHours[j]!)) pool.push(j);
    insertAll(ctx, insertionOrder(ctx, pool, 0), true);
  }
  const greedy = greedyAssign(model);
  if (!greedy.beats(state.unassigned1, state.objective())) return 'construction';
  state.restore(greedy.snapshot());
  return 'greedy';
}
