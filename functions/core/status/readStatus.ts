import { maxLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import { TASK_STATES, type TaskState } from '../operations/Task.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { CityStatus } from './CityStatus.ts';
import { zoneForecasts } from './zoneForecasts.ts';

/** The city at a glance: forecast level per zone, the open activation and its tasks by state. */
export async function readStatus(deps: Pick<CoreDeps, 'registry' | 'clock' | 'zoneStates' | 'activations' | 'tasks'>): Promise<CityStatus> {
  const [plan, zones, states, open] = await Promise.all([deps.registry.getPlan(), deps.registry.listZones(), deps.zoneStates.getZoneStates(), deps.activations.getOpenActivation()]);
  const tasks = open ? await deps.tasks.listTasks(open.id) : [];
  const now = deps.clock.now();
  const forecasts = zoneForecasts(zones, states, now);
  const taskCounts = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
  for (const t of tasks) taskCounts[t.state]++;
  return {
    city: plan.city,
    timeZone: plan.timeZone,
    at: now.toISOString(),
    forecastLevel: forecasts.reduce<ResponseLevel>((acc, f) => maxLevel(acc, f.level), 'none'),
    zones: forecasts.map((f) => ({ zoneId: f.zoneId, name: f.name, forecastLevel: f.level, activationLevel: open ? open.zoneLevels[f.zoneId] ?? 'none' : null, lastPollAt: f.lastPollAt, lastError: f.lastError })),
    openActivation: open ? { id: open.id, level: open.level, openedAt: open.openedAt, openedBy: open.openedBy, reason: open.reason, wave: open.wave } : null,
    taskCounts,
  };
}
