import { SAFETY_CHECK_EVERY } from './tuning.ts';

/**
 * The search's budget in work units (its own count of candidates looked at, knapsack cells,
 * branch-and-bound nodes): every stopping decision reads this counter, so the same seed, input and
 * budget give the same plan on any machine, loaded or not. The wall clock is only a safety cap,
 * looked at now and then through `overCap`; when it trips the search stops where it is.
 */
export class WorkBudget {
  spent = 0;
  private capped = false;
  private nextCheck = SAFETY_CHECK_EVERY;

  constructor(readonly total: number, private readonly overCap: () => boolean = () => false) {}

  spend(units: number): void {
    this.spent += units;
    if (this.spent < this.nextCheck) return;
    this.nextCheck = this.spent + SAFETY_CHECK_EVERY;
    if (!this.capped && this.overCap()) this.capped = true;
  }

  /** The count at which `share` of what is left would be spent. */
  mark(share: number): number {
    return this.spent + share * Math.max(0, this.total - this.spent);
  }

  /** True once the count passes `mark` (or the safety cap tripped). */
  reached(mark: number): boolean {
    return this.capped || this.spent >= mark;
  }

  /** True once the whole budget is spent (or the safety cap tripped). */
  get exhausted(): boolean {
    return this.reached(this.total);
  }

  /** True when the wall-clock cap, not the work count, stopped the search (the plan then depends on the machine). */
  get hitSafetyCap(): boolean {
    return this.capped;
  }
}
