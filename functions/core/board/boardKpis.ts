import type { TaskingCase } from '../escalation/TaskingCase.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import { targetHours, type TimeTargets } from '../registry/TimeTargets.ts';
import type { BoardKpis } from './Board.ts';

const OUT = new Set(['dispatched', 'acknowledged', 'on-site']);
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The board's headline figures. A tier-1 road counts as passable once one of its passes is done (open
 * first, clean after); it is late when it is not yet passable and the plan's target or the team's own
 * estimate has passed.
 */
export function boardKpis(activation: Activation, tasks: readonly Task[], cases: readonly TaskingCase[], shortPasses: number, targets: TimeTargets | undefined, now: Date): BoardKpis {
  const live = tasks.filter((t) => t.state !== 'cancelled');
  const tier1 = new Map<string, { laneKm: number; passable: boolean; due: string }>();
  for (const t of live.filter((x) => x.tier === 1)) {
    const road = tier1.get(t.roadId) ?? { laneKm: t.laneKm, passable: false, due: t.passableAt };
    road.passable ||= t.state === 'done' || t.state === 'verified';
    if (t.passableAt < road.due) road.due = t.passableAt;
    tier1.set(t.roadId, road);
  }
  const targetAt = tier1.size > 0 ? new Date(Date.parse(activation.openedAt) + targetHours(targets, activation.level, 1) * 3_600_000).toISOString() : null;
  const nowIso = now.toISOString();
  const open = activation.status === 'open';
  const roads = [...tier1.values()];
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
