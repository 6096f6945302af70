import * as z from '../../config/zod.ts';
import { activeLevelSchema } from './activeLevelSchema.ts';
import { boundedText } from './boundedText.ts';
import { TEXT_LIMITS } from './limits.ts';

/**
 * Maps official warnings to a level. `match` lists event names or codes (case-insensitive, exact);
 * level "by-colour" takes the warning's signal colour (blue IV, yellow III, orange II, red I).
 * A `watchOnly` product (e.g. Winter Storm Watch) can put the city on watch but never activates.
 */
export const warningRuleSchema = z.object({
  match: z.array(boundedText(TEXT_LIMITS.warningMatch)).check(z.minLength(1), z.maxLength(50)),
  level: z.union([activeLevelSchema, z.literal('by-colour')]),
  watchOnly: z._default(z.boolean(), false),
});
export type WarningRule = z.infer<typeof warningRuleSchema>;

/**
 * Defaults. NWS products are issued on heavier criteria than the CMA signals (a Winter Storm Warning is
 * typically ≥ 15 cm of snow in 12 h), so an Advisory maps to III, a Warning to II, Blizzard and Ice
 * Storm Warnings to I. Chinese signals (QWeather 1004 暴雪, 1021 道路结冰; the national codes 03xx/14xx;
 * GB/T 35965 11B04 暴雪, 11B21 道路结冰) and MeteoAlarm's snow-ice warnings carry their own colour. Other
 * publishers' events (ECCC "snowfall warning", DWD "icy surfaces", SMHI "heavy snow") map where a plan names them.
 */
export const DEFAULT_WARNING_RULES: WarningRule[] = [
  { match: ['Winter Weather Advisory', 'Freezing Rain Advisory', 'WW.Y', 'ZR.Y'], level: 'III', watchOnly: false },
  { match: ['Winter Storm Warning', 'Lake Effect Snow Warning', 'WS.W', 'LE.W'], level: 'II', watchOnly: false },
  { match: ['Blizzard Warning', 'Ice Storm Warning', 'BZ.W', 'IS.W'], level: 'I', watchOnly: false },
  { match: ['Winter Storm Watch', 'Lake Effect Snow Watch', 'WS.A', 'LE.A'], level: 'II', watchOnly: true },
  { match: ['1004', '1021', '暴雪', '道路结冰', 'Blizzard', 'Road Icing', '0301', '0302', '0303', '0304', '1402', '1403', '1404', '11B04', '11B21'], level: 'by-colour', watchOnly: false },
  // MeteoAlarm (awareness_type 2; snow-ice, or the Atom index's "Yellow snow warning" / "Yellow ice warning"): by colour; green is no level.
  { match: ['snow-ice', 'snow-ice warning', 'snow warning', 'ice warning'], level: 'by-colour', watchOnly: false },
];
