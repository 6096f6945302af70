import { NotFoundError } from '../errors/NotFoundError.ts';
import type { LogEntry } from '../log/LogEntry.ts';
import type { ActivationWithEvidence } from '../operations/ActivationWithEvidence.ts';
import type { Task } from '../operations/Task.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { CityPlan } from '../registry/CityPlan.ts';
import type { Crew } from '../registry/Crew.ts';
import type { Road } from '../registry/Road.ts';
import type { Zone } from '../registry/Zone.ts';

/** How far before an activation the poller's level changes are read to find the trigger. */
const TRIGGER_LOOKBACK_MS = 48 * 3_600_000;
const SYSTEM_LOG_MAX = 2000;

export interface ReportSources {
  plan: CityPlan;
  activation: ActivationWithEvidence;
  tasks: Task[];
  log: LogEntry[];
  systemLog: LogEntry[];
  roads: Road[];
  crews: Crew[];
  zones: Zone[];
}

/** Everything an activation's reports are built from: its record, tasks, log, the poller's lead-up and the registry. */
export async function loadReportSources(deps: Pick<CoreDeps, 'registry' | 'log' | 'activations' | 'tasks'>, activationId: string): Promise<ReportSources> {
  const activation = await deps.activations.getActivation(activationId);
  if (!activation) throw new NotFoundError('activation', activationId);
  const opened = Date.parse(activation.openedAt);
  const [evidence, plan, tasks, log, roads, crews, zones] = await Promise.all([
    deps.activations.getEvidence(activationId), deps.registry.getPlan(), deps.tasks.listTasks(activationId), deps.log.list(activationId),
    deps.registry.listRoads(), deps.registry.listCrews(), deps.registry.listZones(),
  ]);
  const systemLog: LogEntry[] = [];
  let cursor: string | undefined;
  do {
    // The window ends just after the opening, so a poll that activated in the same instant counts.
    const page = await deps.log.page('system', { limit: 500, cursor, from: new Date(opened - TRIGGER_LOOKBACK_MS).toISOString(), to: new Date(opened + 1).toISOString() });
    systemLog.push(...page.entries);
    cursor = page.next;
  } while (cursor && systemLog.length < SYSTEM_LOG_MAX);
  return { plan, activation: { ...activation, evidence }, tasks, log, systemLog, roads, crews, zones };
}
