import { CMA_BLIZZARD_THRESHOLDS, cityPlanSchema } from '../../functions/core/registry/CityPlan.ts';
import { seededRandom } from '../../functions/core/planner/random.ts';
import type { CityFile } from '../../local/city/cityFileSchema.ts';
import { generateCity } from '../planner/generateCity.ts';

export interface StormCity extends CityFile {
  /** Leaders whose numbers opted out of SMS at the carrier (the local SNS endpoint's opt-out list). */
  optedOutLeaders: string[];
}

/**
 * The planner bench's large city (5,000 roads, 400 crews, 600 vehicles, 40 zones with a depot each; `xlarge`
 * is ten times that, on 400 zones;
 * leaders +8613910000000…, backups +8613810000000…), under the CMA blizzard thresholds so that a red
 * forecast raises level I, with auto activation. A seeded few leaders (`optOutShare`) have opted out of SMS.
 */
export function stormCity(options: { optOutShare: number; seed: number; size?: 'large' | 'x2' | 'x4' | 'xlarge' }): StormCity {
  const size = options.size ?? 'large';
  const input = generateCity(size);
  const plan = cityPlanSchema.parse({ ...input.plan, id: `storm-${size}`, city: 'storm', blizzardThresholds: CMA_BLIZZARD_THRESHOLDS });
  const random = seededRandom(options.seed);
  const optedOutLeaders = input.crews.filter(() => random() < options.optOutShare).map((c) => c.leader.phone);
  return { plan, zones: input.zones, depots: input.depots ?? [], roads: input.roads, crews: input.crews, vehicles: input.vehicles, optedOutLeaders };
}
