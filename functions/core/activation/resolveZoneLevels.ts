import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { levelRank, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Zone } from '../registry/Zone.ts';

/**
 * The level of every zone for an activation at `level`: each zone at `level` unless the officer
 * names levels per zone, in which case zones left out are at "none", none may be above `level`,
 * and at least one must be at it.
 */
export function resolveZoneLevels(zones: readonly Zone[], level: ActiveLevel, requested?: Record<string, ResponseLevel>): Record<string, ResponseLevel> {
  if (!requested) return Object.fromEntries(zones.map((z) => [z.id, level]));
  const known = new Set(zones.map((z) => z.id));
  for (const [zoneId, zoneLevel] of Object.entries(requested)) {
    if (!known.has(zoneId)) throw new RuleViolationError(`zone "${zoneId}" is not in the registry; known zones: ${[...known].join(', ')}`, `zoneLevels.${zoneId}`);
    if (levelRank(zoneLevel) > levelRank(level)) throw new RuleViolationError(`zone "${zoneId}" is at level ${zoneLevel}, above the activation's level ${level}; upgrade the level or lower the zone`, `zoneLevels.${zoneId}`);
  }
  if (!Object.values(requested).includes(level)) throw new RuleViolationError(`no zone is at level ${level}; put at least one zone at the activation's level`, 'zoneLevels');
  return Object.fromEntries(zones.map((z) => [z.id, requested[z.id] ?? 'none']));
}
