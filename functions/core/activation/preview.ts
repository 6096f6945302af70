import { estimateWaveSms } from '../dispatch/estimateWaveSms.ts';
import type { WaveSms } from '../dispatch/WaveSms.ts';
import { ACTIVE_LEVELS, levelRank, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { PlanStats, Shortfall } from '../planner/PlanTypes.ts';
import { planRoutes } from '../planner/planRoutes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import { loadPlannerInput } from './loadPlannerInput.ts';
import { toTasks } from './toTasks.ts';

/** One row of a preview: a road pass and the team that would do it. */
export interface PreviewRow {
  roadId: string;
  road: string;
  tier: 1 | 2 | 3;
  pass: string;
  laneKm: number;
  crewId: string;
  team: string;
  vehicleId: string;
  vehicle: string;
  sequence: number;
  startBy: string;
  passableAt: string;
  /** When the plan's time target falls, and whether the estimate misses it. */
  targetAt?: string;
  late: boolean;
}

export interface PlanPreview {
  zoneLevels: Record<string, ResponseLevel>;
  /** The open activation whose covered passes and bookings the preview respects, if any. */
  activationId: string | null;
  rows: PreviewRow[];
  shortfalls: Shortfall[];
  stats?: PlanStats;
  /** The tasking SMS the plan would send and the least time they take at the stage's pace (where the pace is known). */
  waveSms?: WaveSms;
}

/**
 * Dry run: the plan activation would make now (same inputs, same planner), nothing written or
 * logged. Levels come from `level` (every zone), else `zoneLevels`, else the poller's zone states.
 */
export async function previewPlan(deps: Pick<CoreDeps, 'registry' | 'clock' | 'zoneStates' | 'activations' | 'bookings' | 'tasks' | 'plannerBudget' | 'smsPace'>, request: { level?: ActiveLevel; zoneLevels?: Record<string, ResponseLevel> } = {}): Promise<PlanPreview> {
  const zones = await deps.registry.listZones();
  const zoneLevels = request.level
    ? Object.fromEntries(zones.map((z) => [z.id, request.level!]))
    : request.zoneLevels ?? Object.fromEntries((await deps.zoneStates.getZoneStates()).map((s) => [s.zoneId, s.level]));
  const open = await deps.activations.getOpenActivation();
  const input = await loadPlannerInput(deps, zoneLevels, open?.id);
  const planned = planRoutes(input, { ...deps.plannerBudget, clock: deps.clock });
  const now = deps.clock.now().toISOString();
  const crewName = new Map(input.crews.map((c) => [c.id, c.name]));
  const rows: PreviewRow[] = planned.teams.flatMap((team) => team.tasks.map((t) => ({
    roadId: t.roadId, road: t.roadName, tier: t.tier, pass: t.pass, laneKm: t.laneKm, crewId: team.crewId, team: crewName.get(team.crewId) ?? team.crewId,
    vehicleId: team.vehicleId, vehicle: team.vehicleLabel, sequence: t.sequence, startBy: t.startBy, passableAt: t.passableAt,
    ...(t.targetAt ? { targetAt: t.targetAt } : {}), late: t.targetAt !== undefined && t.passableAt > t.targetAt,
  }))).sort((a, b) => a.tier - b.tier || a.passableAt.localeCompare(b.passableAt) || a.roadId.localeCompare(b.roadId));
  // The SMS as dispatch would render them: the teams as tasks, numbered after what the open activation has.
  let next = 0;
  const tasks = planned.teams.flatMap((team) => {
    const teamTasks = toTasks(team, open?.id ?? 'preview', next, (open?.wave ?? 0) + 1, now);
    next += teamTasks.length;
    return teamTasks;
  });
  const level = ACTIVE_LEVELS.filter((l) => Object.values(zoneLevels).some((z) => levelRank(z) >= levelRank(l))).at(-1) ?? 'IV';
  const waveSms = deps.smsPace ? estimateWaveSms(tasks, { level, plan: input.plan, crews: input.crews, pace: deps.smsPace }) : undefined;
  return { zoneLevels, activationId: open?.id ?? null, rows, shortfalls: planned.shortfalls, ...(planned.stats ? { stats: planned.stats } : {}), ...(waveSms ? { waveSms } : {}) };
}
