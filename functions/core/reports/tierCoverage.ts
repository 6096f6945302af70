import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { Task } from '../operations/Task.ts';
import type { EquipmentClass } from '../registry/EquipmentClass.ts';
import type { Road } from '../registry/Road.ts';
import { targetHours, type TimeTargets } from '../registry/TimeTargets.ts';
import type { TierCoverage } from './AfterActionReport.ts';

/** Passes that clean after a road is open (先通后净); a road is passable once its other passes are done. */
const CLEAN_AFTER: ReadonlySet<EquipmentClass> = new Set(['loader', 'sweeper']);

const HOUR_MS = 3_600_000;
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The passes that make a road passable: all but the clean-after ones, or all when it only has those. */
export function openingPasses(road: Road): EquipmentClass[] {
  const opening = road.passes.filter((p) => !CLEAN_AFTER.has(p));
  return opening.length > 0 ? opening : [...road.passes];
}

/** When a road became passable: every opening pass has a task reported done; null if one never was. */
export function roadCoveredAt(road: Road, tasks: readonly Task[], doneAt: (task: Task) => string | null): string | null {
  let latest = '';
  for (const pass of openingPasses(road)) {
    const times = tasks.filter((t) => t.roadId === road.id && t.pass === pass).map(doneAt).filter((t): t is string => t !== null).sort();
    if (times.length === 0) return null;
    if (times[0]! > latest) latest = times[0]!;
  }
  return latest;
}

export interface CoverageInput {
  level: ActiveLevel;
  targets: TimeTargets | undefined;
  openedAt: string;
  /** End of the operational period: stand-down, or now while open. */
  periodEnd: string;
  /** Whether the activation is still open (a target still ahead is then undecided, not missed). */
  ongoing: boolean;
  /** Roads in scope at the activation's (final) zone levels. */
  roadsInScope: readonly Road[];
  tasks: readonly Task[];
  doneAt: (task: Task) => string | null;
}

/**
 * Lane-km made passable per tier over time, against the plan's target for the level: every road in
 * scope counts, including those left short (which then never count as covered).
 */
export function tierCoverage(input: CoverageInput): TierCoverage[] {
  const opened = Date.parse(input.openedAt);
  const tiers = [...new Set(input.roadsInScope.map((r) => r.tier))].sort();
  return tiers.map((tier) => {
    const roads = input.roadsInScope.filter((r) => r.tier === tier);
    const total = roads.reduce((sum, r) => sum + r.laneKm, 0);
    const covered = roads
      .map((road) => ({ road, at: roadCoveredAt(road, input.tasks, input.doneAt) }))
      .filter((c): c is { road: Road; at: string } => c.at !== null && c.at <= input.periodEnd)
      .sort((a, b) => a.at.localeCompare(b.at));
    let km = 0;
    const timeline = covered.map(({ road, at }) => {
      km += road.laneKm;
      return { at, hours: round((Date.parse(at) - opened) / HOUR_MS, 3), laneKm: round(km, 2), percent: round((100 * km) / total, 1) };
    });
    const hours = targetHours(input.targets, input.level, tier);
    const targetAt = new Date(opened + hours * HOUR_MS).toISOString();
    const byTarget = covered.filter((c) => c.at <= targetAt).reduce((sum, c) => sum + c.road.laneKm, 0);
    const complete = covered.length === roads.length;
    const fullyCoveredAt = complete && covered.length > 0 ? covered[covered.length - 1]!.at : null;
    const met = fullyCoveredAt !== null ? fullyCoveredAt <= targetAt : input.ongoing && targetAt > input.periodEnd ? null : false;
    return {
      tier, laneKmInScope: round(total, 2), laneKmCovered: round(km, 2), percentCovered: round((100 * km) / total, 1),
      targetHours: hours, targetAt, laneKmCoveredByTarget: round(byTarget, 2), percentCoveredByTarget: round((100 * byTarget) / total, 1),
      met, fullyCoveredAt, timeline,
    };
  });
}
