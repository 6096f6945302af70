import type { ResponseLevel } from '../levels/ResponseLevel.ts';

/**
 * An activation opened for pre-treatment (预撒): while zones were on watch, a duty officer sent spreaders
 * to the tier-1 roads, bridges, ramps and slopes where de-icing agent is allowed, at staging an hour
 * before the snow. Its `wave` is the pre-treatment; the wave after it (the snow arriving) plans the rest
 * of the roads in scope, the pre-treatment's passes kept and its crews left on them.
 */
export interface PreTreatment {
  /** The activation's wave that is the pre-treatment (its first). */
  wave: number;
  /** The level each zone on watch was forecast to reach, when the wave was started: its scope. */
  zoneLevels: Record<string, ResponseLevel>;
  /** When the snow was forecast to begin (the earliest watch evidence), UTC ISO. */
  snowAt: string;
  /** When the spreaders are to be at staging and start: an hour before the snow, never before the plan's lead time, UTC ISO. */
  stagingAt: string;
}
