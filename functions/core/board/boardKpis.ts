import type { Activation } from '../operations/Activation.ts';
import type { BoardCase, BoardTask } from './BoardSources.ts';
import { targetHours, type TimeTargets } from '../registry/TimeTargets.ts';
import type { BoardKpis } from './Board.ts';

const OUT = new Set(['dispatched', 'acknowledged', 'on-site']);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A tier-1 road of an activation: passable once one of its passes is done (open first, clean after), due by its earliest pass's estimate. */
export interface Tier1Road { laneKm: number; passable: boolean; due: string }

/** The activation's tier-1 roads (cancelled passes left out), and when the plan wants them passable (null without any). */
export function tier1Roads(activation: Activation, tasks: readonly BoardTask[], targets: TimeTargets | undefined): { roads: Tier1Road[]; targetAt: string | null } {
  const tier1 = new Map<string, Tier1Road>();
  for (const t of tasks) {
    if (t.tier !== 1 || t.state === 'cancelled') continue;
    const road = tier1.get(t.roadId) ?? { laneKm: t.laneKm, passable: false, due: t.passableAt };
    road.passable ||= t.state === 'done' || t.state === 'verified';
    if (t.passableAt < road.due) road.due = t.passableAt;
    tier1.set(t.roadId, road);
  }
  const targetAt = tier1.size > 0 ? new Date(Date.parse(activation.openedAt) + targetHours(targets, activation.level, 1) * 3_600_000).toISOString() : null;
  return { roads: [...tier1.values()], targetAt };
}

/**
 * The board's headline figures. A tier-1 road is late when it is not yet passable and the plan's target or
 * the team's own estimate has passed.
 */
export function boardKpis(activation: Activation, tasks: readonly BoardTask[], cases: readonly BoardCase[], shortPasses: number, targets: TimeTargets | undefined, now: Date): BoardKpis {
  const live = tasks.filter((t) => t.state !== 'cancelled');
  const { roads, targetAt } = tier1Roads(activation, tasks, targets);
  const nowIso = now.toISOString();
  const open = activation.status === 'open';
  return {
    tier1LaneKm: round2(roads.reduce((s, r) => s + r.laneKm, 0)),
    tier1PassableLaneKm: round2(roads.filter((r) => r.passable).reduce((s, r) => s + r.laneKm, 0)),
    tier1TargetAt: targetAt,
    tier1Late: open && roads.some((r) => !r.passable && (r.due < nowIso || (targetAt !== null && targetAt < nowIso))),
    crewsOut: new Set(live.filter((t) => OUT.has(t.state)).map((t) => t.crewId)).size,
    tasks: live.length,
    tasksDone: live.filter((t) => t.state === 'done' || t.state === 'verified').length,
    unconfirmed: cases.filter((c) => c.outcome === undefined && c.step !== 'leader').length,
    unreachable: cases.filter((c) => c.recipients.some((r) => r.outcome === 'unreachable')).length,
    cannot: live.filter((t) => t.state === 'cannot').length,
    short: shortPasses,
  };
}

/**
 * The first moment after `now` at which the figures would change with nothing written: a tier-1 road not yet
 * passable reaching its estimate or the plan's target (undefined when no such moment is ahead).
 */
export function nextLateAt(activation: Activation, tasks: readonly BoardTask[], targets: TimeTargets | undefined, now: Date): string | undefined {
  if (activation.status !== 'open') return undefined;
  const { roads, targetAt } = tier1Roads(activation, tasks, targets);
  const nowIso = now.toISOString();
  const waiting = roads.filter((r) => !r.passable);
  if (waiting.length === 0) return undefined;
  const moments = [...waiting.map((r) => r.due), ...(targetAt ? [targetAt] : [])];
  // Once one is late the flag stays up until a task moves, which bumps the version anyway.
  if (moments.some((m) => m < nowIso)) return undefined;
  return moments.reduce((a, b) => (b < a ? b : a));
}
