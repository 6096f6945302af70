import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Road } from '../registry/Road.ts';
import { codeUnitOrder } from './codeUnitOrder.ts';

/** Roads whose tier the plan brings into scope at their zone's level, tier 1 first. */
export function roadsInScope(plan: CityPlan, roads: readonly Road[], zoneLevels: Record<string, ResponseLevel>): Road[] {
  return roads
    .filter((r) => {
      const level = zoneLevels[r.zoneId] ?? 'none';
      return level !== 'none' && plan.tiersByLevel[level].includes(r.tier);
    })
    .sort((a, b) => a.tier - b.tier || codeUnitOrder(a.zoneId, b.zoneId) || codeUnitOrder(a.id, b.id));
}
