import type { CitizenFigures } from '../citizen/citizenFigures.ts';
import type { LogEntry } from '../log/LogEntry.ts';
import type { ActivationWithEvidence } from '../operations/ActivationWithEvidence.ts';
import { TASK_STATES, type Task, type TaskState } from '../operations/Task.ts';
import { roadsInScope } from '../planner/roadsInScope.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Road } from '../registry/Road.ts';
import { isTaskingSms, taskResponseTimes } from './acknowledgements.ts';
import type { AfterActionReport } from './AfterActionReport.ts';
import { median, percentile } from './percentile.ts';
import { tierCoverage } from './tierCoverage.ts';
import { triggerTime } from './triggerTime.ts';

export interface AfterActionInput {
  plan: CityPlan;
  activation: ActivationWithEvidence;
  tasks: readonly Task[];
  /** The activation's log. */
  log: readonly LogEntry[];
  /** System entries from before the activation (the poller's level changes). */
  systemLog: readonly LogEntry[];
  roads: readonly Road[];
  /** UTC ISO; ends the operational period of an activation still open. */
  now: string;
  preparedBy: string;
  /** The citizen reports of the operational period (citizenFigures), when the caller read them. */
  citizen?: CitizenFigures;
}

const MINUTE_MS = 60_000;
const minutesBetween = (from: string, to: string) => Math.round(((Date.parse(to) - Date.parse(from)) / MINUTE_MS) * 10) / 10;
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The after-action summary of one activation, from its record and its response log alone. */
export function buildAfterAction(input: AfterActionInput): AfterActionReport {
  const { plan, activation, tasks, log } = input;
  const ongoing = activation.status === 'open';
  const periodEnd = ongoing ? input.now : activation.closedAt ?? input.now;
  const sorted = [...log].sort((a, b) => a.at.localeCompare(b.at));
  const times = taskResponseTimes(sorted);

  const triggerAt = triggerTime(input.systemLog, activation.openedAt) ?? (activation.openedBy === 'poller' ? activation.openedAt : null);
  // Dispatch is the first SMS of each tasking: resends, backups, notices and reply confirmations are not.
  const sent = sorted.filter((e) => isTaskingSms(e) && (e.details.attempt ?? 1) === 1);
  const firstDispatchAt = sent[0]?.at ?? null;
  const lastDispatchAt = sent[sent.length - 1]?.at ?? null;

  const dispatchedCodes = [...times.dispatchedAt.keys()];
  const ackMinutes = dispatchedCodes.filter((c) => times.acknowledgedAt.has(c)).map((c) => minutesBetween(times.dispatchedAt.get(c)!, times.acknowledgedAt.get(c)!));
  const refused = dispatchedCodes.filter((c) => !times.acknowledgedAt.has(c) && times.refusedAt.has(c)).length;

  const doneAt = (task: Task): string | null => times.doneAt.get(task.code) ?? (task.state === 'done' || task.state === 'verified' ? task.updatedAt : null);
  const coverage = tierCoverage({
    level: activation.level, targets: plan.timeTargetsHours, openedAt: activation.openedAt, periodEnd, ongoing,
    roadsInScope: roadsInScope(plan, input.roads, activation.zoneLevels), tasks, doneAt,
  });

  // Each road pass once, when it was first reported short: logs written before planners stopped re-reporting a pass
  // still short (and two planners racing) hold it several times.
  const reportedPasses = new Set<string>();
  const shortfallItems = sorted.filter((e) => e.action === 'road.shortfall').map((e) => ({
    at: e.at, roadId: (e.subject ?? '').replace(/^road:/, ''), road: str(e.details.road) ?? '', tier: Number(e.details.tier) as 1 | 2 | 3,
    pass: str(e.details.pass) ?? '', laneKm: Number(e.details.laneKm) || 0, reason: e.reason ?? '',
  })).filter((s) => !reportedPasses.has(`${s.roadId}#${s.pass}`) && reportedPasses.add(`${s.roadId}#${s.pass}`));
  const laneKmShort = (tier: number) => Math.round(shortfallItems.filter((s) => s.tier === tier).reduce((sum, s) => sum + s.laneKm, 0) * 100) / 100;

  const escalations = sorted.filter((e) => e.action.startsWith('escalation.')).map((e) => ({ at: e.at, actor: e.actor, action: e.action, subject: e.subject ?? null, reason: e.reason ?? null }));
  const levelChanges = sorted
    .filter((e) => e.action.startsWith('activation.') && typeof e.details.from === 'string' && typeof e.details.to === 'string')
    .map((e) => ({ at: e.at, by: e.actor, from: String(e.details.from), to: String(e.details.to), reason: e.reason ?? null }));

  const tasksByState = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
  for (const t of tasks) tasksByState[t.state]++;

  return {
    activationId: activation.id, city: plan.city, planId: plan.id, timeZone: plan.timeZone,
    level: activation.level, zoneLevels: activation.zoneLevels, status: activation.status,
    openedAt: activation.openedAt, openedBy: activation.openedBy, reason: activation.reason,
    operationalPeriod: { from: activation.openedAt, to: periodEnd, ongoing },
    trigger: { at: triggerAt, evidence: activation.evidence },
    timings: {
      minutesToActivate: triggerAt ? minutesBetween(triggerAt, activation.openedAt) : null,
      firstDispatchAt, lastDispatchAt,
      minutesToFirstDispatch: firstDispatchAt ? minutesBetween(activation.openedAt, firstDispatchAt) : null,
      minutesToLastDispatch: lastDispatchAt ? minutesBetween(activation.openedAt, lastDispatchAt) : null,
    },
    acknowledgement: {
      dispatchedTasks: dispatchedCodes.length, acknowledged: ackMinutes.length, refused,
      unanswered: dispatchedCodes.length - ackMinutes.length - refused,
      medianMinutes: median(ackMinutes), p90Minutes: percentile(ackMinutes, 90),
    },
    messages: { sent: sent.length, failed: sorted.filter((e) => e.action === 'sms.failed').length },
    escalations: { count: escalations.length, entries: escalations },
    shortfalls: { count: shortfallItems.length, laneKmByTier: { 1: laneKmShort(1), 2: laneKmShort(2), 3: laneKmShort(3) }, items: shortfallItems },
    coverage,
    levelChanges,
    standDown: activation.closedAt ? { at: activation.closedAt, by: activation.closedBy ?? '', reason: activation.closeReason ?? '' } : null,
    tasksByState,
    citizen: input.citizen ?? null,
    generatedAt: input.now,
    preparedBy: input.preparedBy,
  };
}
