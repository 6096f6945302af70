import { levelRank, maxLevel, type ActiveLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { ActivationUpgrade } from '../operations/ActivationUpgrade.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { ReasonCode } from '../text/ReasonCode.ts';
import type { Evidence } from '../triggers/Evidence.ts';
import { loggedEvidence } from '../triggers/loggedEvidence.ts';

export interface UpgradeLevelRequest {
  activation: Activation;
  level: ActiveLevel;
  zoneLevels: Record<string, ResponseLevel>;
  actor: string;
  reason: string;
  /** The poller's reason as a code (an officer's reason is free text and has none). */
  reasonCode?: ReasonCode;
  evidence: Evidence[];
}

export type RecordedUpgrade =
  | { outcome: 'upgraded'; activation: Activation; upgradedFrom: ActivationUpgrade }
  | { outcome: 'unchanged'; activation: Activation }
  | { outcome: 'conflict'; activation: Activation };

/**
 * The first half of an upgrade: the open activation's new level (zone levels only go up) under a new
 * wave, recorded and logged; planning that wave is the caller's (at once for the poller, in the worker for
 * an officer). `upgradedFrom` is what to restore should that planning fail. A concurrent upgrade wins;
 * this one reports conflict.
 */
export async function recordUpgrade(deps: Pick<CoreDeps, 'log' | 'clock' | 'activations'>, request: UpgradeLevelRequest): Promise<RecordedUpgrade> {
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
    details: { from: open.level, to: level, zoneLevelsBefore: open.zoneLevels, zoneLevels, wave: upgraded.wave, ...loggedEvidence(request.evidence), ...(request.reasonCode ? { reasonCode: request.reasonCode } : {}) },
    reason: request.reason,
  });
  return { outcome: 'upgraded', activation: upgraded, upgradedFrom: { level: open.level, zoneLevels: open.zoneLevels, wave: open.wave, upgradedAt: open.upgradedAt ?? open.openedAt } };
}
