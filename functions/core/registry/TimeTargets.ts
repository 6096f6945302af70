import * as z from '../../config/zod.ts';
import type { ActiveLevel } from '../levels/ResponseLevel.ts';

/** Hours, counted from activation, within which each tier's roads in scope should be passable. */
export const tierTargetsSchema = z.object({
  1: z.number().check(z.positive(), z.lte(168)),
  2: z.number().check(z.positive(), z.lte(168)),
  3: z.number().check(z.positive(), z.lte(168)),
});
export type TierTargets = z.infer<typeof tierTargetsSchema>;

export const timeTargetsSchema = z.object({ IV: tierTargetsSchema, III: tierTargetsSchema, II: tierTargetsSchema, I: tierTargetsSchema });
export type TimeTargets = z.infer<typeof timeTargetsSchema>;

/**
 * Defaults after Chinese city practice: Beijing opens main roads within 2 h of heavy snow and the
 * central avenues and hubs within 4 to 6 h of a blizzard; Zhengzhou allows 6 / 8 / 16 / 24 h as snow
 * grows from light to heavy. Heavier levels mean more snow, so targets grow with the level.
 */
export const DEFAULT_TIME_TARGETS: TimeTargets = {
  IV: { 1: 2, 2: 6, 3: 12 },
  III: { 1: 4, 2: 8, 3: 16 },
  II: { 1: 6, 2: 12, 3: 24 },
  I: { 1: 6, 2: 16, 3: 24 },
};

/** The plan's target hours for a tier at a level, or the default when the plan sets none. */
export function targetHours(targets: TimeTargets | undefined, level: ActiveLevel, tier: 1 | 2 | 3): number {
  return (targets ?? DEFAULT_TIME_TARGETS)[level][tier];
}
