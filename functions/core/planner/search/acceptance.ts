import type { Solution } from '../SearchState.ts';
import type { SearchContext } from './SearchContext.ts';
import { COOLING, EPS, START_TEMPERATURE_SHARE } from './tuning.ts';

/** The best plan seen, ranked by tier-1 lane-km left out, then the objective. */
export class Incumbent {
  solution: Solution;
  private unassigned1: number;
  private objective: number;

  constructor(private readonly ctx: SearchContext) {
    this.solution = ctx.state.snapshot();
    this.unassigned1 = ctx.state.unassigned1;
    this.objective = ctx.state.objective();
  }

  /** Keeps the current state if it ranks before the best; returns its objective. */
  offer(): number {
    const { state } = this.ctx;
    const objective = state.objective();
    if (state.beats(this.unassigned1, this.objective, objective)) {
      this.solution = state.snapshot();
      this.unassigned1 = state.unassigned1;
      this.objective = objective;
    }
    return objective;
  }
}

/** Simulated annealing: worse plans are accepted with a chance that falls as the search progresses. */
export class Annealing {
  private readonly start: number;

  constructor(startObjective: number) {
    this.start = Math.max(1, START_TEMPERATURE_SHARE * Math.abs(startObjective));
  }

  /** `progress` runs from 0 to 1 over the search. */
  accepts(random: () => number, current: number, candidate: number, progress: number): boolean {
    if (candidate <= current + EPS) return true;
    const temperature = this.start * Math.pow(COOLING, progress);
    return random() < Math.exp(-(candidate - current) / temperature);
  }
}

/** Applies a change and keeps it only if the objective drops; `change` returns false when it did not apply. */
export function keepIfBetter(ctx: SearchContext, change: () => boolean): boolean {
  const { state } = ctx;
  const before = state.objective();
  state.begin();
  if (!change()) { state.rollback(); return false; }
  if (state.objective() < before - EPS) { state.commit(); return true; }
  state.rollback();
  return false;
}
