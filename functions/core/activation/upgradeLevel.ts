import { levelRank, maxLevel, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { Task } from '../operations/Task.ts';
import type { Shortfall } from '../planner/PlanTypes.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { planAndBook } from './planAndBook.ts';

export interface UpgradeLevelRequest {
  activation: Activation;
  level: ActiveLevel;
  zoneLevels: Record<string, ResponseLevel>;
  actor: string;
  reason: string;
  evidence: Evidence[];
}

export type UpgradeLevelResult =
  | { outcome: 'upgraded'; activation: Activation; tasks: Task[]; shortfalls: Shortfall[] }
  | { outcome: 'unchanged'; activation: Activation }
  | { outcome: 'conflict'; activation: Activation };

/**
 * Raises an open activation mid-storm (never lowers: zone levels only go up), opens a new dispatch wave,
 * and books the roads the higher levels bring into scope. A concurrent upgrade wins; this one reports conflict.
 * If planning fails, the upgrade is undone (the activation is back at its level and wave) and the error rethrown.
 */
export async function upgradeLevel(deps: Pick<CoreDeps, 'registry' | 'log' | 'clock' | 'activations' | 'bookings' | 'tasks' | 'shortfalls'>, request: UpgradeLevelRequest): Promise<UpgradeLevelResult> {
  const open = request.activation;
  const zoneLevels: Record<string, ResponseLevel> = { ...open.zoneLevels };
  let zoneUpgraded = false;
  for (const [zoneId, level] of Object.entries(request.zoneLevels)) {
    const before = zoneLevels[zoneId] ?? 'none';
    if (levelRank(level) > levelRank(before)) {
      zoneLevels[zoneId] = level;
      zoneUpgraded = true;
    }
  }
  const level = maxLevel(open.level, request.level) as ActiveLevel;
  if (!zoneUpgraded && level === open.level) return { outcome: 'unchanged', activation: open };
  const at = deps.clock.now().toISOString();
  const upgraded: Activation = { ...open, level, zoneLevels, wave: open.wave + 1, upgradedAt: at };
  if (!(await deps.activations.upgradeActivation(open.id, { level, zoneLevels, wave: upgraded.wave, upgradedAt: at }, open.wave))) {
    return { outcome: 'conflict', activation: open };
  }
  await deps.log.append({
    activationId: open.id, at, actor: request.actor, action: 'activation.upgraded', subject: `activation:${open.id}`,
    details: { from: open.level, to: level, zoneLevelsBefore: open.zoneLevels, zoneLevels, wave: upgraded.wave, evidence: request.evidence },
    reason: request.reason,
  });
  let planned: Awaited<ReturnType<typeof planAndBook>>;
  try {
    planned = await planAndBook(deps, upgraded, zoneLevels);
  } catch (error) {
    // planAndBook removed its bookings; lowering the activation back lets the retry upgrade it and plan the wave again.
    const undone = await deps.activations.upgradeActivation(open.id, { level: open.level, zoneLevels: open.zoneLevels, wave: open.wave, upgradedAt: open.upgradedAt ?? open.openedAt }, upgraded.wave);
    await deps.log.append({ activationId: open.id, at: deps.clock.now().toISOString(), actor: request.actor, action: 'activation.upgrade-undone', subject: `activation:${open.id}`, details: { from: level, to: open.level, wave: upgraded.wave, undone }, reason: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  await deps.activations.markWavePlanned(open.id, upgraded.wave);
  return { outcome: 'upgraded', activation: { ...upgraded, plannedWave: upgraded.wave }, tasks: planned.tasks, shortfalls: planned.shortfalls };
}
